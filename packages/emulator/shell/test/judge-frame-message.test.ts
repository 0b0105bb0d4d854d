import { encodeCommand } from '@imkit/frame/protocol';
import { describe, expect, it } from 'vitest';
import { judgeFrameMessage } from '../src/host/judge-frame-message.js';
import { FrameRegistry } from '../src/host/opened-frame.js';
import { safeEqual } from '../src/host/safe-equal.js';
import { fakeWindow, openedFrame } from './frame-doubles.js';

const sid = 'a'.repeat(32);
const origin = 'http://127.0.0.1:5173';

function setup() {
  const window = fakeWindow();
  const registry = new FrameRegistry();
  const frame = openedFrame({ window });
  registry.add(frame);
  return { window, registry, frame };
}

describe('judgeFrameMessage', () => {
  it('accepts a command from the opened frame, its handler origin and its appSid', () => {
    const { window, registry, frame } = setup();
    const data = encodeCommand({ method: 'getInitData', params: {}, callback: 'cb1', appSid: sid });
    const verdict = judgeFrameMessage(registry, { source: window, origin, data });
    expect(verdict).toEqual({
      accepted: true,
      frame,
      command: { method: 'getInitData', params: {}, callback: 'cb1', appSid: sid },
    });
  });

  it('rejects a sender that is not a frame the shell opened, even with the right origin and appSid', () => {
    const { registry } = setup();
    const verdict = judgeFrameMessage(registry, {
      source: fakeWindow(),
      origin,
      data: `getInitData:cb:${sid}`,
    });
    expect(verdict.accepted).toBe(false);
    expect(!verdict.accepted && verdict.reason).toMatch(/not a frame the shell opened/);
  });

  it('rejects a null source', () => {
    const { registry } = setup();
    expect(
      judgeFrameMessage(registry, { source: null, origin, data: `getInitData:cb:${sid}` }).accepted,
    ).toBe(false);
  });

  it.each([
    'http://127.0.0.1:5174',
    'https://127.0.0.1:5173',
    'http://localhost:5173',
    'http://127.0.0.1:5173.evil.example',
    'null',
  ])('rejects the opened frame posting from origin %s', (badOrigin) => {
    const { window, registry } = setup();
    const verdict = judgeFrameMessage(registry, {
      source: window,
      origin: badOrigin,
      data: `getInitData:cb:${sid}`,
    });
    expect(verdict.accepted).toBe(false);
    expect(!verdict.accepted && verdict.reason).toContain('is not the handler origin');
  });

  it('rejects a wrong appSid and malformed messages', () => {
    const { window, registry } = setup();
    const wrongSid = judgeFrameMessage(registry, {
      source: window,
      origin,
      data: `getInitData:cb:${'b'.repeat(32)}`,
    });
    expect(!wrongSid.accepted && wrongSid.reason).toContain('appSid');
    for (const data of ['nonsense', 42, null, { method: 1 }, 'm:{bad json:cb:sid']) {
      expect(judgeFrameMessage(registry, { source: window, origin, data }).accepted).toBe(false);
    }
  });

  it('accepts the object form of namespaced commands', () => {
    const { window, registry } = setup();
    const data = {
      method: 'im:getImTextareaContent',
      params: '',
      callback: 'cb9',
      appSid: sid,
      requestId: 'r1',
    };
    const verdict = judgeFrameMessage(registry, { source: window, origin, data });
    expect(verdict.accepted && verdict.command.method).toBe('im:getImTextareaContent');
  });
});

describe('safeEqual', () => {
  it('compares exactly', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('', 'a')).toBe(false);
  });
});
