/**
 * Properties of legacy chat-app launch verification: it never throws on any query, a launch signed with
 * the installation's HASH verifies, and any other HASH or any change to a signed field is refused.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChatAppLaunchInput,
  type LaunchFailure,
  type LaunchQuery,
  signChatAppLaunch,
  verifyChatAppLaunch,
} from '../src/verify/index.js';

const reasons: readonly LaunchFailure[] = [
  'MISSING_FIELD',
  'DUPLICATED_FIELD',
  'MALFORMED_FIELD',
  'MALFORMED_DOMAIN',
  'DOMAIN_HASH_MISMATCH',
  'USER_HASH_MISMATCH',
  'REFERER_MISSING',
  'REFERER_MISMATCH',
  'MALFORMED_QUERY',
];

const launchKeys = [
  'BOT_ID',
  'BOT_CODE',
  'APP_ID',
  'APP_CODE',
  'DOMAIN',
  'DOMAIN_HASH',
  'USER_ID',
  'USER_HASH',
  'DIALOG_ID',
  'DIALOG_CONTEXT',
  'DIALOG_ENTITY_ID',
  'DIALOG_ENTITY_DATA_1',
  'LANG',
  'IS_CHROME',
  'CONTEXT',
  'DARK_MODE',
  'MESSAGE_ID',
  'BUTTON_PARAMS',
] as const;

function md5(text: string): string {
  return createHash('md5').update(Buffer.from(text, 'utf8')).digest('hex');
}

const text = fc.string({ unit: 'binary', maxLength: 40 });
const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });
const secretArb = fc.string({ unit: 'binary', minLength: 1, maxLength: 48 }).filter((s) => s !== '0');

/** A portal origin the way the host writes DOMAIN: scheme, lower-case host, port only when not default. */
const portalArb = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.oneof(fc.domain(), fc.ipV4()),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  )
  .map(([scheme, host, port]) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}`)
  .filter((origin) => {
    try {
      return new URL(origin).origin === origin;
    } catch {
      return false;
    }
  });

const launchInputArb: fc.Arbitrary<ChatAppLaunchInput> = fc.record(
  {
    botId: fc.nat(),
    botCode: text,
    appId: fc.nat(),
    appCode: text,
    domain: portalArb,
    userId: fc.nat({ max: 10 ** 12 }),
    dialogId: text,
    dialogContext: text,
    dialogEntityId: text,
    dialogEntityData1: text,
    lang: text,
    isChrome: fc.boolean(),
    context: fc.constantFrom('textarea' as const, 'button' as const),
    darkMode: fc.boolean(),
    messageId: fc.nat(),
    buttonParams: text,
  },
  {
    requiredKeys: ['botId', 'botCode', 'appId', 'appCode', 'domain', 'userId', 'dialogId', 'lang', 'context'],
  },
);

function signedParams(input: ChatAppLaunchInput, secret: string): URLSearchParams {
  const url = signChatAppLaunch('https://app.example.com/frame.php', input, secret);
  return new URLSearchParams(url.slice(url.indexOf('?') + 1));
}

function hostOf(origin: string): string {
  return new URL(origin).hostname;
}

/** Any query at all: strings, flat and nested records, arrays, primitives, hostile values. */
const anyQuery = fc.oneof(
  text,
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...launchKeys), text), fc.anything()),
  fc.dictionary(fc.constantFrom(...launchKeys), fc.oneof(text, fc.array(text, { maxLength: 3 }))),
  fc.anything(),
);

const optionalReferer = fc.option(fc.oneof(text, fc.webUrl(), portalArb), { nil: undefined });

describe('verifyChatAppLaunch properties', () => {
  it('never throws on any query, secret and referer, and answers with a known reason', () => {
    fc.assert(
      fc.property(anyQuery, secretArb, optionalReferer, (query, secret, referer) => {
        const result = verifyChatAppLaunch(query as LaunchQuery, { secret, referer });
        if (!result.ok) expect(reasons).toContain(result.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated valid launches and accepts only correctly hashed ones', () => {
    const mutation = fc.record({
      op: fc.constantFrom('set', 'delete', 'append'),
      key: fc.oneof(fc.constantFrom(...launchKeys), text),
      value: fc.oneof(text, hex32, fc.nat().map(String)),
    });
    fc.assert(
      fc.property(
        launchInputArb,
        secretArb,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('params', 'string', 'object'),
        (input, secret, mutations, form) => {
          const params = signedParams(input, secret);
          for (const { op, key, value } of mutations) {
            if (op === 'set') params.set(key, value);
            else if (op === 'delete') params.delete(key);
            else params.append(key, value);
          }
          const query: LaunchQuery =
            form === 'params'
              ? params
              : form === 'string'
                ? params.toString()
                : Object.fromEntries([...params.keys()].map((key) => [key, params.getAll(key)]));
          const result = verifyChatAppLaunch(query, { secret });
          if (result.ok) {
            const signingSecret = secret.slice(0, 32);
            expect(params.get('DOMAIN_HASH')).toBe(md5(hostOf(result.launch.domain) + signingSecret));
            expect(params.get('USER_HASH')).toBe(md5(String(result.launch.userId) + signingSecret));
            expect(params.get('DOMAIN')).toBe(result.launch.domain);
          } else {
            expect(reasons).toContain(result.reason);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('accepts every launch signed with the secret, with its referer, and parses it back', () => {
    fc.assert(
      fc.property(launchInputArb, secretArb, text, (input, secret, path) => {
        const params = signedParams(input, secret);
        const referer = `${input.domain}/${encodeURIComponent(path)}`;
        const result = verifyChatAppLaunch(params, { secret, referer });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.launch).toMatchObject({ domain: input.domain, userId: input.userId });
        expect(result.launch.unverified).toMatchObject({
          botId: input.botId,
          botCode: input.botCode,
          dialogId: input.dialogId,
          lang: input.lang,
          context: input.context,
          messageId: input.messageId ?? null,
          buttonParams: input.buttonParams ?? '',
        });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a signed launch checked with any other secret', () => {
    fc.assert(
      fc.property(launchInputArb, secretArb, secretArb, (input, secret, other) => {
        fc.pre(secret.slice(0, 32) !== other.slice(0, 32));
        const result = verifyChatAppLaunch(signedParams(input, secret), { secret: other });
        expect(result).toMatchObject({ ok: false, reason: 'DOMAIN_HASH_MISMATCH' });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a signed launch with DOMAIN, USER_ID, DOMAIN_HASH or USER_HASH changed', () => {
    const change = fc.oneof(
      portalArb.map((value) => ({ key: 'DOMAIN', value })),
      fc.oneof(fc.nat().map(String), text).map((value) => ({ key: 'USER_ID', value })),
      fc.oneof(hex32, text).map((value) => ({ key: 'DOMAIN_HASH', value })),
      fc.oneof(hex32, text).map((value) => ({ key: 'USER_HASH', value })),
    );
    fc.assert(
      fc.property(launchInputArb, secretArb, change, (input, secret, { key, value }) => {
        const params = signedParams(input, secret);
        fc.pre(params.get(key) !== value);
        // The host signs the host name only: a DOMAIN that differs only in scheme or port is the
        // referer check's job (tested separately), so the changed DOMAIN names another host here.
        if (key === 'DOMAIN') fc.pre(hostOf(value) !== hostOf(input.domain));
        params.set(key, value);
        expect(verifyChatAppLaunch(params, { secret }).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a signed launch whose DOMAIN changed only scheme or port when the referer is checked', () => {
    fc.assert(
      fc.property(launchInputArb, secretArb, portalArb, (input, secret, other) => {
        const moved = `${new URL(other).protocol}//${hostOf(input.domain)}${new URL(other).port ? `:${new URL(other).port}` : ''}`;
        fc.pre(moved !== input.domain);
        const params = signedParams(input, secret);
        params.set('DOMAIN', moved);
        const result = verifyChatAppLaunch(params, { secret, referer: `${input.domain}/` });
        expect(result).toMatchObject({ ok: false });
      }),
      { numRuns: 300 },
    );
  });
});
