/** `hostJson`: PLACEMENT_OPTIONS written like PHP json_encode with the HEX_* flags (HOST-PROTOCOL.md §3). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostJson } from '../src/placements/index.js';

describe('hostJson', () => {
  it('writes the PLACEMENT_OPTIONS the host sends', () => {
    expect(hostJson({ dialogId: 'chat12' })).toBe('{"dialogId":"chat12"}');
    expect(hostJson({ messageId: '345', dialogId: 'chat12' })).toBe(
      '{"messageId":"345","dialogId":"chat12"}',
    );
  });

  it('escapes / as \\/ and < > & \' " as \\u00XX (upper-case hex), in values and keys', () => {
    expect(hostJson('a/b')).toBe('"a\\/b"');
    expect(hostJson(`<>&'"`)).toBe('"\\u003C\\u003E\\u0026\\u0027\\u0022"');
    expect(hostJson({ '</script>': "it's" })).toBe('{"\\u003C\\/script\\u003E":"it\\u0027s"}');
  });

  it('keeps JSON escapes of backslashes and control characters intact', () => {
    expect(hostJson('\\"')).toBe('"\\\\\\u0022"');
    expect(hostJson('\\/')).toBe('"\\\\\\/"');
    expect(hostJson('line\nbreak\ttab')).toBe('"line\\nbreak\\ttab"');
  });

  it('writes numbers, booleans, null, arrays and nested objects like JSON, dropping undefined members', () => {
    expect(
      hostJson({ n: 1.5, t: true, f: false, z: null, u: undefined, a: [1, 'x/y', undefined], o: { k: '<' } }),
    ).toBe('{"n":1.5,"t":true,"f":false,"z":null,"a":[1,"x\\/y",null],"o":{"k":"\\u003C"}}');
    expect(hostJson(undefined)).toBe('null');
    expect(hostJson([])).toBe('[]');
    expect(hostJson({})).toBe('{}');
  });

  it('never lets < > & \' " or an unescaped / through, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = hostJson(value);
        expect(text).not.toMatch(/[<>&']/);
        expect(text).not.toMatch(/(^|[^\\])(\\\\)*\//);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });
});
