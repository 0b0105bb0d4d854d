/**
 * Legacy chat-app launch verification (HOST-PROTOCOL.md §5). Launches are signed here independently of
 * the code under test: md5 from `node:crypto`, fields written by hand in the host's order.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type ChatAppLaunchInput,
  constantTimeEqual,
  domainHash,
  type LaunchQuery,
  signChatAppLaunch,
  userHash,
  verifyApplicationToken,
  verifyChatAppLaunch,
} from '../src/verify/index.js';

const secret = 'd1ab17949a572b0979d8db0d5b349cd2';
const portal = 'https://test.bitrix24.com';

function md5(text: string): string {
  return createHash('md5').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** What the host sends for user 2 on test.bitrix24.com (the docs' sample launch), with overrides. */
function launchFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    BOT_ID: '17',
    BOT_CODE: 'echoBot',
    APP_ID: '11',
    APP_CODE: 'echoFrame',
    DOMAIN: portal,
    DOMAIN_HASH: md5(`test.bitrix24.com${secret}`),
    USER_ID: '2',
    USER_HASH: md5(`2${secret}`),
    DIALOG_ID: '950',
    DIALOG_CONTEXT: 'lines',
    DIALOG_ENTITY_ID: 'telegrambot|8|173633217|569',
    DIALOG_ENTITY_DATA_1: 'Y|LEAD|56|N|N|1765',
    LANG: 'en',
    IS_CHROME: 'Y',
    CONTEXT: 'button',
    DARK_MODE: 'N',
    MESSAGE_ID: '12333',
    BUTTON_PARAMS: 'test',
    ...overrides,
  };
}

function launchParams(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams(launchFields(overrides));
}

function launchWithout(key: string): URLSearchParams {
  const params = launchParams();
  params.delete(key);
  return params;
}

function reasonOf(query: LaunchQuery, referer?: string | null) {
  const result = verifyChatAppLaunch(query, referer === undefined ? { secret } : { secret, referer });
  return result.ok ? { ok: true } : { reason: result.reason, field: result.field };
}

describe('domainHash / userHash', () => {
  it('match known md5 vectors (lowercase hex of host name + HASH, user id + HASH)', () => {
    expect(domainHash(portal, secret)).toBe('837277e9a2a4cc2b43617607210b9f90');
    expect(userHash(2, secret)).toBe('569a17580c305831a602c0d0bb360f00');
    expect(userHash('2', secret)).toBe('569a17580c305831a602c0d0bb360f00');
  });

  it('hash the host name only: no scheme, no port', () => {
    const expected = md5(`test.bitrix24.com${secret}`);
    expect(domainHash('https://test.bitrix24.com', secret)).toBe(expected);
    expect(domainHash('http://test.bitrix24.com:8080', secret)).toBe(expected);
    expect(domainHash('test.bitrix24.com', secret)).toBe(expected);
    expect(domainHash('http://127.0.0.1:3000', secret)).toBe(md5(`127.0.0.1${secret}`));
  });

  it('hash the UTF-8 bytes of the HASH', () => {
    const unicode = 'ключ-秘密-🔑';
    expect(userHash(7, unicode)).toBe(md5(`7${unicode}`));
    expect(domainHash(portal, unicode)).toBe(md5(`test.bitrix24.com${unicode}`));
  });

  it('use only the first 32 characters of the HASH, as the host stores it', () => {
    const long = `${secret}-and-more`;
    expect(userHash(2, long)).toBe(userHash(2, secret));
    expect(domainHash(portal, long)).toBe(domainHash(portal, secret));
  });

  it('throw a TypeError naming `secret` for an empty (PHP-empty) HASH', () => {
    expect(() => domainHash(portal, '')).toThrow(/secret/);
    expect(() => userHash(2, '')).toThrow(TypeError);
    expect(() => userHash(2, '0')).toThrow(TypeError);
  });

  it('throw a TypeError for a domain that is no URL', () => {
    expect(() => domainHash('https://exa mple.com', secret)).toThrow(TypeError);
  });
});

describe('constantTimeEqual', () => {
  it('compares exactly', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'ab')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('ABC', 'abc')).toBe(false);
  });
});

describe('verifyChatAppLaunch: accepted launches', () => {
  it('accepts the host launch and types every field', () => {
    const result = verifyChatAppLaunch(launchParams(), {
      secret,
      referer: `${portal}/online/?IM_DIALOG=950`,
    });
    expect(result).toEqual({
      ok: true,
      launch: {
        domain: portal,
        userId: 2,
        unverified: {
          botId: 17,
          botCode: 'echoBot',
          appId: 11,
          appCode: 'echoFrame',
          dialogId: '950',
          dialogContext: 'lines',
          dialogEntityId: 'telegrambot|8|173633217|569',
          dialogEntityData1: 'Y|LEAD|56|N|N|1765',
          lang: 'en',
          isChrome: true,
          context: 'button',
          darkMode: false,
          messageId: 12333,
          buttonParams: 'test',
        },
      },
    });
  });

  it('accepts the three input forms: URLSearchParams, query string (with or without URL), object', () => {
    const query = launchParams().toString();
    expect(reasonOf(launchParams())).toEqual({ ok: true });
    expect(reasonOf(query)).toEqual({ ok: true });
    expect(reasonOf(`?${query}`)).toEqual({ ok: true });
    expect(reasonOf(`https://app.example.com/frame.php?${query}&`)).toEqual({ ok: true });
    expect(reasonOf(launchFields())).toEqual({ ok: true });
    expect(reasonOf({ ...launchFields(), USER_ID: 2, BOT_ID: 17, IS_CHROME: true })).toEqual({ ok: true });
    expect(reasonOf({ ...launchFields(), USER_ID: ['2'], EXTRA: undefined })).toEqual({ ok: true });
  });

  it('needs only DOMAIN, DOMAIN_HASH, USER_ID, USER_HASH; absent optional fields get neutral values', () => {
    const minimal = {
      DOMAIN: portal,
      DOMAIN_HASH: md5(`test.bitrix24.com${secret}`),
      USER_ID: '2',
      USER_HASH: md5(`2${secret}`),
    };
    const result = verifyChatAppLaunch(minimal, { secret });
    expect(result.ok && result.launch.unverified).toMatchObject({
      botId: 0,
      botCode: '',
      context: '',
      isChrome: false,
      messageId: null,
      buttonParams: '',
    });
  });

  it('accepts a portal with a port and checks the referer against that exact origin', () => {
    const local = 'http://127.0.0.1:3000';
    const fields = launchFields({ DOMAIN: local, DOMAIN_HASH: md5(`127.0.0.1${secret}`) });
    expect(reasonOf(fields, `${local}/online/`)).toEqual({ ok: true });
    expect(reasonOf(fields, 'http://127.0.0.1:3001/online/')).toMatchObject({ reason: 'REFERER_MISMATCH' });
    expect(reasonOf(fields, 'http://127.0.0.1/online/')).toMatchObject({ reason: 'REFERER_MISMATCH' });
  });

  it('uses the first 32 characters of a longer secret, like the host', () => {
    const result = verifyChatAppLaunch(launchParams(), { secret: `${secret}tail` });
    expect(result.ok).toBe(true);
  });
});

describe('verifyChatAppLaunch: every reason code', () => {
  it.each(['DOMAIN', 'DOMAIN_HASH', 'USER_ID', 'USER_HASH'])(
    'MISSING_FIELD when %s is absent or empty',
    (key) => {
      expect(reasonOf(launchWithout(key))).toEqual({ reason: 'MISSING_FIELD', field: key });
      expect(reasonOf(launchParams({ [key]: '' }))).toEqual({ reason: 'MISSING_FIELD', field: key });
    },
  );

  it.each(['BOT_ID', 'DOMAIN', 'DOMAIN_HASH', 'USER_ID', 'USER_HASH', 'MESSAGE_ID', 'BUTTON_PARAMS'])(
    'DUPLICATED_FIELD when %s appears twice',
    (key) => {
      const params = launchParams();
      params.append(key, params.get(key) ?? 'x');
      expect(reasonOf(params)).toEqual({ reason: 'DUPLICATED_FIELD', field: key });
      expect(reasonOf(params.toString())).toEqual({ reason: 'DUPLICATED_FIELD', field: key });
    },
  );

  it('DUPLICATED_FIELD for an array value in the object form', () => {
    expect(reasonOf({ ...launchFields(), USER_ID: ['2', '3'] })).toEqual({
      reason: 'DUPLICATED_FIELD',
      field: 'USER_ID',
    });
  });

  it.each(['abc', '-2', '+2', '2.0', '1e3', ' 2', '2 ', '0x2', '1234567890123456'])(
    'MALFORMED_FIELD for USER_ID %j',
    (userId) => {
      const fields = launchFields({ USER_ID: userId, USER_HASH: md5(`${userId}${secret}`) });
      expect(reasonOf(fields)).toEqual({ reason: 'MALFORMED_FIELD', field: 'USER_ID' });
    },
  );

  it.each([
    'test.bitrix24.com',
    'ftp://test.bitrix24.com',
    'javascript:alert(1)',
    'https://',
    'https://test.bitrix24.com/',
    'https://test.bitrix24.com/path',
    'https://test.bitrix24.com?x=1',
    'https://test.bitrix24.com#x',
    'https://user@test.bitrix24.com',
    'https://test.bitrix24.com@evil.example',
    'https://TEST.bitrix24.com',
    'HTTPS://test.bitrix24.com',
    'https://test.bitrix24.com:443',
    'http://test.bitrix24.com:80',
    'https://test%2Ebitrix24.com',
    'https://evil.example\\test.bitrix24.com',
    'https://test.bitrix24.com:99999',
    ' https://test.bitrix24.com',
  ])('MALFORMED_DOMAIN for %j', (domain) => {
    expect(reasonOf(launchParams({ DOMAIN: domain }))).toEqual({
      reason: 'MALFORMED_DOMAIN',
      field: 'DOMAIN',
    });
  });

  it('DOMAIN_HASH_MISMATCH for a wrong, foreign, upper-case, short or port-including hash', () => {
    const right = md5(`test.bitrix24.com${secret}`);
    for (const hash of [
      md5(`evil.example${secret}`),
      md5(`https://test.bitrix24.com${secret}`),
      md5(`test.bitrix24.com${secret}x`),
      right.toUpperCase(),
      right.slice(0, 31),
      `${right} `,
      `${right}0`,
      md5(`2${secret}`),
    ]) {
      expect(reasonOf(launchParams({ DOMAIN_HASH: hash }))).toEqual({
        reason: 'DOMAIN_HASH_MISMATCH',
        field: 'DOMAIN_HASH',
      });
    }
  });

  it('DOMAIN_HASH_MISMATCH when DOMAIN names another portal than the one signed', () => {
    expect(reasonOf(launchParams({ DOMAIN: 'https://evil.bitrix24.com' }))).toMatchObject({
      reason: 'DOMAIN_HASH_MISMATCH',
    });
  });

  it('USER_HASH_MISMATCH for a wrong, upper-case, or other user hash, or another USER_ID', () => {
    const right = md5(`2${secret}`);
    for (const hash of [md5(`3${secret}`), right.toUpperCase(), right.slice(1), md5(`02${secret}`)]) {
      expect(reasonOf(launchParams({ USER_HASH: hash }))).toEqual({
        reason: 'USER_HASH_MISMATCH',
        field: 'USER_HASH',
      });
    }
    expect(reasonOf(launchParams({ USER_ID: '3' }))).toEqual({
      reason: 'USER_HASH_MISMATCH',
      field: 'USER_HASH',
    });
    expect(reasonOf(launchParams({ USER_ID: '02' }))).toEqual({
      reason: 'USER_HASH_MISMATCH',
      field: 'USER_HASH',
    });
  });

  it('refuses a launch checked with another secret', () => {
    const result = verifyChatAppLaunch(launchParams(), { secret: 'another-installation-hash' });
    expect(result).toEqual({ ok: false, reason: 'DOMAIN_HASH_MISMATCH', field: 'DOMAIN_HASH' });
  });

  it('REFERER_MISSING when a referer is expected but empty or null', () => {
    expect(reasonOf(launchParams(), '')).toEqual({ reason: 'REFERER_MISSING', field: 'referer' });
    expect(reasonOf(launchParams(), null)).toEqual({ reason: 'REFERER_MISSING', field: 'referer' });
  });

  it.each([
    'https://test.bitrix24.com.evil.example/',
    'https://evil.example/?https://test.bitrix24.com',
    'https://evil.example/https://test.bitrix24.com/',
    'https://test.bitrix24.com@evil.example/',
    'https://test.bitrix24.com:443@evil.example/',
    'https://evil.example#@test.bitrix24.com',
    'https://evil.example\\@test.bitrix24.com',
    'http://test.bitrix24.com/',
    'https://test.bitrix24.com:8443/',
    'wss://test.bitrix24.com/',
    'ftp://test.bitrix24.com/',
    'javascript://test.bitrix24.com/%0aalert(1)',
    'https://xtest.bitrix24.com/',
    'https://bitrix24.com/',
    'not a url',
    'test.bitrix24.com',
    '//test.bitrix24.com/',
  ])('REFERER_MISMATCH for the look-alike %j', (referer) => {
    expect(reasonOf(launchParams(), referer)).toEqual({ reason: 'REFERER_MISMATCH', field: 'referer' });
  });

  it('accepts referers of exactly the DOMAIN origin, whatever their path', () => {
    for (const referer of [
      'https://test.bitrix24.com',
      'https://test.bitrix24.com/',
      'https://test.bitrix24.com/online/?IM_DIALOG=chat5#x',
      'https://TEST.bitrix24.com/',
      'https://test.bitrix24.com:443/',
    ]) {
      expect(reasonOf(launchParams(), referer)).toEqual({ ok: true });
    }
  });

  it('MALFORMED_QUERY for values that are not query strings or flat records', () => {
    const fields = launchFields();
    expect(reasonOf({ ...fields, DIALOG_ID: { nested: true } })).toEqual({ reason: 'MALFORMED_QUERY' });
    expect(reasonOf({ ...fields, DIALOG_ID: null })).toEqual({ reason: 'MALFORMED_QUERY' });
    expect(reasonOf({ ...fields, USER_ID: [['2']] })).toEqual({ reason: 'MALFORMED_QUERY' });
    expect(reasonOf(null as unknown as LaunchQuery)).toEqual({ reason: 'MALFORMED_QUERY' });
    expect(reasonOf(42 as unknown as LaunchQuery)).toEqual({ reason: 'MALFORMED_QUERY' });
    expect(reasonOf(undefined as unknown as LaunchQuery)).toEqual({ reason: 'MALFORMED_QUERY' });
  });

  it('MALFORMED_QUERY when reading the object throws', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(reasonOf(hostile)).toEqual({ reason: 'MALFORMED_QUERY' });
  });

  it('checks in order: duplicates, missing, domain, user id, domain hash, user hash, referer', () => {
    const everythingWrong = launchParams({ DOMAIN: 'nope', USER_ID: 'x', USER_HASH: 'x' });
    everythingWrong.delete('DOMAIN_HASH');
    everythingWrong.append('BOT_ID', '1');
    expect(reasonOf(everythingWrong, 'https://evil.example/')).toMatchObject({ reason: 'DUPLICATED_FIELD' });
    everythingWrong.delete('BOT_ID');
    expect(reasonOf(everythingWrong, 'https://evil.example/')).toMatchObject({ reason: 'MISSING_FIELD' });
    everythingWrong.set('DOMAIN_HASH', 'x');
    expect(reasonOf(everythingWrong, 'https://evil.example/')).toMatchObject({ reason: 'MALFORMED_DOMAIN' });
    everythingWrong.set('DOMAIN', portal);
    expect(reasonOf(everythingWrong, 'https://evil.example/')).toMatchObject({ reason: 'MALFORMED_FIELD' });
    everythingWrong.set('USER_ID', '2');
    expect(reasonOf(everythingWrong, 'https://evil.example/')).toMatchObject({
      reason: 'DOMAIN_HASH_MISMATCH',
    });
    everythingWrong.set('DOMAIN_HASH', md5(`test.bitrix24.com${secret}`));
    expect(reasonOf(everythingWrong, 'https://evil.example/')).toMatchObject({
      reason: 'USER_HASH_MISMATCH',
    });
    everythingWrong.set('USER_HASH', md5(`2${secret}`));
    expect(reasonOf(everythingWrong, 'https://evil.example/')).toMatchObject({ reason: 'REFERER_MISMATCH' });
  });

  it('throws a TypeError naming `secret` for an empty or PHP-empty secret (a configuration error)', () => {
    expect(() => verifyChatAppLaunch(launchParams(), { secret: '' })).toThrow(/secret/);
    expect(() => verifyChatAppLaunch(launchParams(), { secret: '0' })).toThrow(TypeError);
    expect(() => verifyChatAppLaunch(launchParams(), {} as { secret: string })).toThrow(TypeError);
  });
});

describe('verifyApplicationToken', () => {
  it('accepts only the exact stored token', () => {
    const stored = '51856fefc120afa4b628cc82d3935cce';
    expect(verifyApplicationToken(stored, stored)).toBe(true);
    expect(verifyApplicationToken(stored.toUpperCase(), stored)).toBe(false);
    expect(verifyApplicationToken(`${stored} `, stored)).toBe(false);
    expect(verifyApplicationToken(stored.slice(1), stored)).toBe(false);
  });

  it('refuses missing, empty and non-string values on either side', () => {
    for (const [received, stored] of [
      ['', ''],
      ['a', ''],
      ['', 'a'],
      [undefined, 'a'],
      ['a', undefined],
      [null, null],
      [['a'], 'a'],
      [1, '1'],
    ] as const) {
      expect(verifyApplicationToken(received, stored)).toBe(false);
    }
  });
});

describe('signChatAppLaunch', () => {
  const input: ChatAppLaunchInput = {
    botId: 17,
    botCode: 'echoBot',
    appId: 11,
    appCode: 'echoFrame',
    domain: portal,
    userId: 2,
    dialogId: 'chat5',
    dialogContext: 'chat',
    lang: 'en',
    context: 'textarea',
  };

  it('writes every field in the host order as KEY=encodeURIComponent(value)& with a trailing &', () => {
    const url = signChatAppLaunch('https://app.example.com/frame.php', input, secret);
    expect(url).toBe(
      'https://app.example.com/frame.php?BOT_ID=17&BOT_CODE=echoBot&APP_ID=11&APP_CODE=echoFrame&' +
        `DOMAIN=https%3A%2F%2Ftest.bitrix24.com&DOMAIN_HASH=${md5(`test.bitrix24.com${secret}`)}&` +
        `USER_ID=2&USER_HASH=${md5(`2${secret}`)}&DIALOG_ID=chat5&DIALOG_CONTEXT=chat&DIALOG_ENTITY_ID=&` +
        'DIALOG_ENTITY_DATA_1=&LANG=en&IS_CHROME=Y&CONTEXT=textarea&DARK_MODE=N&',
    );
  });

  it('appends MESSAGE_ID and BUTTON_PARAMS last for buttons, encoded with encodeURIComponent', () => {
    const url = signChatAppLaunch(
      'https://app.example.com/frame.php?app=1',
      { ...input, context: 'button', messageId: 345, buttonParams: "a b&c=d/é!'()*", darkMode: true },
      secret,
    );
    expect(url.startsWith('https://app.example.com/frame.php?app=1&BOT_ID=17&')).toBe(true);
    expect(
      url.endsWith(`&DARK_MODE=Y&MESSAGE_ID=345&BUTTON_PARAMS=${encodeURIComponent("a b&c=d/é!'()*")}&`),
    ).toBe(true);
    expect(url).toContain("BUTTON_PARAMS=a%20b%26c%3Dd%2F%C3%A9!'()*&");
  });

  it('produces a launch that verifies with the same secret and referer, and parses back', () => {
    const url = signChatAppLaunch(
      'https://app.example.com/frame.php',
      { ...input, messageId: 9, buttonParams: 'x' },
      secret,
    );
    const result = verifyChatAppLaunch(url, { secret, referer: `${portal}/` });
    expect(result.ok && result.launch).toMatchObject({ userId: 2 });
    expect(result.ok && result.launch.unverified).toMatchObject({
      dialogId: 'chat5',
      messageId: 9,
      buttonParams: 'x',
    });
    expect(verifyChatAppLaunch(url, { secret: 'other' }).ok).toBe(false);
  });

  it('signs a portal with a port by its host name', () => {
    const url = signChatAppLaunch(
      'https://app.example.com/',
      { ...input, domain: 'http://127.0.0.1:3000' },
      secret,
    );
    expect(url).toContain(`DOMAIN=http%3A%2F%2F127.0.0.1%3A3000&DOMAIN_HASH=${md5(`127.0.0.1${secret}`)}&`);
  });

  it('throws a TypeError for an empty secret', () => {
    expect(() => signChatAppLaunch('https://app.example.com/', input, '')).toThrow(TypeError);
  });
});
