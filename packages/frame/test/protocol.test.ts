/** The frame wire format (HOST-PROTOCOL.md §4): commands app → host and replies host → app. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCommand,
  decodeReply,
  encodeCommand,
  encodeReply,
  type FrameCommand,
  isNamespacedMethod,
} from '../src/protocol.js';

const sid = '2d1c7a3e4f5b6a7c8d9e0f1a2b3c4d5e';

describe('encodeCommand', () => {
  it('writes method:JSON:callback:appSid', () => {
    expect(
      encodeCommand({
        method: 'resizeWindow',
        params: { width: 300, height: 200 },
        callback: '7',
        appSid: sid,
      }),
    ).toBe(`resizeWindow:{"width":300,"height":200}:7:${sid}`);
  });

  it.each([undefined, null, {}, []])('leaves params %j out', (params) => {
    expect(encodeCommand({ method: 'getInitData', params, callback: '1', appSid: sid })).toBe(
      `getInitData:1:${sid}`,
    );
  });

  it('keeps params that are falsy but not empty', () => {
    expect(encodeCommand({ method: 'm', params: 0, callback: '1', appSid: sid })).toBe(`m:0:1:${sid}`);
    expect(encodeCommand({ method: 'm', params: '', callback: '1', appSid: sid })).toBe(`m:"":1:${sid}`);
    expect(encodeCommand({ method: 'm', params: [0], callback: '1', appSid: sid })).toBe(`m:[0]:1:${sid}`);
  });

  it('sends namespaced methods as an object', () => {
    const params = { text: 'hi: there', withNewLine: false, replace: true, requestId: 'r1' };
    expect(isNamespacedMethod('im:setImTextareaContent')).toBe(true);
    expect(isNamespacedMethod('getInitData')).toBe(false);
    expect(encodeCommand({ method: 'im:setImTextareaContent', params, callback: '3', appSid: sid })).toEqual({
      method: 'im:setImTextareaContent',
      params,
      callback: '3',
      appSid: sid,
    });
    expect(
      encodeCommand({ method: 'im:getImTextareaContent', params: undefined, callback: '4', appSid: sid }),
    ).toEqual({
      method: 'im:getImTextareaContent',
      params: {},
      callback: '4',
      appSid: sid,
    });
  });

  it('throws a TypeError naming the method for params that are no JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() =>
      encodeCommand({ method: 'setUserOption', params: cyclic, callback: '1', appSid: sid }),
    ).toThrow(/setUserOption/);
    expect(() => encodeCommand({ method: 'm', params: () => 1, callback: '1', appSid: sid })).toThrow(
      TypeError,
    );
    expect(() => encodeCommand({ method: 'm', params: { n: 1n }, callback: '1', appSid: sid })).toThrow(
      TypeError,
    );
  });
});

describe('decodeCommand', () => {
  it('reads a command without params', () => {
    expect(decodeCommand(`getInitData:12:${sid}`)).toEqual({
      method: 'getInitData',
      params: {},
      callback: '12',
      appSid: sid,
    });
  });

  it('reads JSON params that contain colons', () => {
    const params = { url: 'https://example.com:8080/a:b', nested: { 'k:1': ['x:y', ':'] } };
    expect(decodeCommand(`openPath:${JSON.stringify(params)}:5:${sid}`)).toEqual({
      method: 'openPath',
      params,
      callback: '5',
      appSid: sid,
    });
  });

  it('reads the object form and normalizes its callback', () => {
    expect(
      decodeCommand({
        method: 'im:getImTextareaContent',
        params: { requestId: 'a' },
        callback: 9,
        appSid: sid,
      }),
    ).toEqual({
      method: 'im:getImTextareaContent',
      params: { requestId: 'a' },
      callback: '9',
      appSid: sid,
    });
    expect(decodeCommand({ method: 'im:x', appSid: sid })).toEqual({
      method: 'im:x',
      params: {},
      callback: '',
      appSid: sid,
    });
  });

  it.each([
    ['no colon', 'getInitData'],
    ['one colon', `getInitData:${sid}`],
    ['empty method', `:1:${sid}`],
    ['empty method with params', `:{}:1:${sid}`],
    ['broken JSON', `resizeWindow:{"width":1:1:${sid}`],
    ['undefined params', `m:undefined:1:${sid}`],
    ['number', 42],
    ['null', null],
    ['undefined', undefined],
    ['object without method', { params: {}, callback: '1', appSid: sid }],
    ['object with a numeric method', { method: 1, callback: '1', appSid: sid }],
    ['object without appSid', { method: 'im:x', callback: '1' }],
  ])('refuses %s', (_label, data) => {
    expect(decodeCommand(data)).toBeNull();
  });

  it('round-trips every string-form command', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/);
    fc.assert(
      fc.property(
        token,
        fc.option(fc.jsonValue(), { nil: undefined }),
        token,
        token,
        (method, params, callback, appSid) => {
          const command: FrameCommand = { method, params, callback, appSid };
          const encoded = encodeCommand(command);
          expect(typeof encoded).toBe('string');
          const empty =
            params === undefined ||
            params === null ||
            (typeof params === 'object' && Object.keys(params).length === 0);
          expect(decodeCommand(encoded)).toEqual({
            method,
            params: empty ? {} : JSON.parse(JSON.stringify(params)),
            callback,
            appSid,
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips namespaced commands in object form', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (params) => {
        const command = { method: 'im:setImTextareaContent', params, callback: '8', appSid: sid };
        expect(decodeCommand(encodeCommand(command))).toEqual({ ...command, params: params ?? {} });
      }),
    );
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.anything(),
          fc.string({ unit: fc.constantFrom(':', '{', '}', '"', 'a', '1') }),
        ),
        (data) => {
          const decoded = decodeCommand(data);
          if (decoded !== null) {
            expect(typeof decoded.method).toBe('string');
            expect(decoded.method).not.toBe('');
            expect(typeof decoded.appSid).toBe('string');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('replies', () => {
  it('writes callback:JSON, or callback: for no result', () => {
    expect(encodeReply('7', { width: 300, height: 200 })).toBe('7:{"width":300,"height":200}');
    expect(encodeReply('7')).toBe('7:');
    expect(encodeReply('7', null)).toBe('7:null');
    expect(encodeReply('7', '')).toBe('7:""');
  });

  it('reads replies, including JSON with colons', () => {
    expect(decodeReply('7:')).toEqual({ callback: '7', result: undefined });
    expect(decodeReply('7:null')).toEqual({ callback: '7', result: null });
    expect(decodeReply('12:{"result":"error","errorCode":"PATH_NOT_AVAILABLE","x":"a:b"}')).toEqual({
      callback: '12',
      result: { result: 'error', errorCode: 'PATH_NOT_AVAILABLE', x: 'a:b' },
    });
  });

  it.each([['7'], [':{}'], [':'], ['7:{bad'], ['7:undefined'], [7], [null], [{ callback: '7' }]])(
    'refuses %j',
    (data) => {
      expect(decodeReply(data)).toBeNull();
    },
  );

  it('round-trips every JSON result and callback', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9._-]{1,16}$/),
        fc.option(fc.jsonValue(), { nil: undefined }),
        (callback, result) => {
          expect(decodeReply(encodeReply(callback, result))).toEqual({
            callback,
            result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)),
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        decodeReply(data);
      }),
    );
  });
});
