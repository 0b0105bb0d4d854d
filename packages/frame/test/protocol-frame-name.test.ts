/** `parseFrameName` / `formatFrameName`: the iframe's `window.name` (HOST-PROTOCOL.md §3). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFrameName, parseFrameName } from '../src/protocol.js';

const sid = '2d1c7a3e4f5b6a7c8d9e0f1a2b3c4d5e';

describe('parseFrameName', () => {
  it('reads host, protocol and APP_SID and derives the portal origin', () => {
    expect(parseFrameName(`test.bitrix24.com|1|${sid}`)).toEqual({
      domain: 'test.bitrix24.com',
      https: true,
      appSid: sid,
      origin: 'https://test.bitrix24.com',
    });
    expect(parseFrameName(`127.0.0.1:3000|0|${sid}`)).toEqual({
      domain: '127.0.0.1:3000',
      https: false,
      appSid: sid,
      origin: 'http://127.0.0.1:3000',
    });
  });

  it('gives the canonical origin, the one MessageEvent.origin carries', () => {
    expect(parseFrameName(`Test.Bitrix24.COM|1|${sid}`)?.origin).toBe('https://test.bitrix24.com');
    expect(parseFrameName(`test.bitrix24.com:443|1|${sid}`)?.origin).toBe('https://test.bitrix24.com');
    expect(parseFrameName(`test.bitrix24.com:80|0|${sid}`)?.origin).toBe('http://test.bitrix24.com');
    expect(parseFrameName(`test.bitrix24.com:443|0|${sid}`)?.origin).toBe('http://test.bitrix24.com:443');
    expect(parseFrameName(`localhost|0|${sid}`)?.origin).toBe('http://localhost');
  });

  it.each([
    ['empty', ''],
    ['no separators', 'test.bitrix24.com'],
    ['two parts', 'test.bitrix24.com|1'],
    ['four parts', `test.bitrix24.com|1|${sid}|x`],
    ['empty domain', `|1|${sid}`],
    ['protocol 2', `test.bitrix24.com|2|${sid}`],
    ['protocol word', `test.bitrix24.com|https|${sid}`],
    ['protocol empty', `test.bitrix24.com||${sid}`],
    ['empty APP_SID', 'test.bitrix24.com|1|'],
    ['APP_SID with symbols', 'test.bitrix24.com|1|abc-def'],
    ['APP_SID too long', `test.bitrix24.com|1|${'a'.repeat(65)}`],
    ['scheme in domain', `https://test.bitrix24.com|1|${sid}`],
    ['path in domain', `test.bitrix24.com/x|1|${sid}`],
    ['userinfo in domain', `user@test.bitrix24.com|1|${sid}`],
    ['space in domain', `test .bitrix24.com|1|${sid}`],
    ['empty label', `test..bitrix24.com|1|${sid}`],
    ['leading dot', `.bitrix24.com|1|${sid}`],
    ['port out of range', `test.bitrix24.com:99999|1|${sid}`],
    ['port too long', `test.bitrix24.com:123456|1|${sid}`],
    ['empty port', `test.bitrix24.com:|1|${sid}`],
    ['number read as IPv4', `1234|1|${sid}`],
    ['non-canonical IPv4', `127.000.0.1|0|${sid}`],
    ['unicode host', `тест.рф|1|${sid}`],
    ['a window name set by some other page', 'my-popup'],
  ])('refuses %s', (_label, name) => {
    expect(parseFrameName(name)).toBeNull();
  });

  it('reads back every name formatFrameName writes for a canonical host', () => {
    const host = fc.oneof(fc.domain(), fc.ipV4());
    const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
    fc.assert(
      fc.property(
        host,
        port,
        fc.boolean(),
        fc.stringMatching(/^[a-f0-9]{32}$/),
        (hostName, portNumber, https, appSid) => {
          const origin = new URL(
            `${https ? 'https' : 'http'}://${hostName}${portNumber ? `:${portNumber}` : ''}`,
          );
          fc.pre(origin.hostname === hostName);
          const domain = `${hostName}${portNumber ? `:${portNumber}` : ''}`;
          expect(parseFrameName(formatFrameName(domain, https, appSid))).toEqual({
            domain,
            https,
            appSid,
            origin: origin.origin,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '1', '.', ':', '|', '-', ' ', '0', 'Z') }),
        (name) => {
          parseFrameName(name);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('formatFrameName', () => {
  it('writes host|1|sid or host|0|sid', () => {
    expect(formatFrameName('test.bitrix24.com', true, sid)).toBe(`test.bitrix24.com|1|${sid}`);
    expect(formatFrameName('127.0.0.1:3000', false, sid)).toBe(`127.0.0.1:3000|0|${sid}`);
  });
});
