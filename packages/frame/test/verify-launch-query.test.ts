/**
 * Reading a launch query string: the host's own form (every key once, in the table's order) is read by
 * a fast path, every other string pair by pair; both must answer exactly as reading the same query
 * through URLSearchParams does.
 */
import { describe, expect, it } from 'vitest';
import { chatAppQueryKeys } from '../src/host-model/chat-app-query.js';
import { signChatAppLaunch, verifyChatAppLaunch } from '../src/verify/index.js';

const secret = 'd1ab17949a572b0979d8db0d5b349cd2';
const portal = 'https://test.bitrix24.com';
const referer = `${portal}/online/`;

function hostQuery(overrides: { dialogId?: string; buttonParams?: string; messageId?: number } = {}): string {
  const url = signChatAppLaunch(
    'https://apps.example.com/app/',
    {
      botId: 17,
      botCode: 'echoBot',
      appId: 11,
      appCode: 'echo frame+app',
      domain: portal,
      userId: 2,
      dialogId: overrides.dialogId ?? 'chat950',
      dialogEntityData1: 'Y|LEAD|56',
      lang: 'en',
      context: overrides.buttonParams === undefined ? 'textarea' : 'button',
      ...(overrides.messageId === undefined ? {} : { messageId: overrides.messageId }),
      ...(overrides.buttonParams === undefined ? {} : { buttonParams: overrides.buttonParams }),
    },
    secret,
  );
  return url.slice(url.indexOf('?') + 1);
}

function asParams(query: string) {
  return verifyChatAppLaunch(new URLSearchParams(query), { secret, referer });
}

describe('verifyChatAppLaunch on query strings', () => {
  it.each([
    ['the host form from the input', hostQuery()],
    ['the host form from a button', hostQuery({ messageId: 12, buttonParams: 'a=b c&d' })],
    ['the host form without its trailing &', hostQuery().slice(0, -1)],
    ['keys in another order', hostQuery().split('&').reverse().join('&')],
    ['an app parameter before the launch', `page=2&${hostQuery()}`],
    ['an encoded key', hostQuery().replace('LANG=', 'LA%4EG=')],
    [
      'a malformed escape in an unsigned value',
      hostQuery().replace('DIALOG_ID=chat950', 'DIALOG_ID=chat%E0%A4%A'),
    ],
    ['bytes that are not UTF-8', hostQuery().replace('DIALOG_ID=chat950', 'DIALOG_ID=%FFchat')],
    ['+ as a space', hostQuery().replace('DIALOG_ID=chat950', 'DIALOG_ID=chat+950')],
  ])('reads %s exactly as URLSearchParams does', (_name, query) => {
    const fromString = verifyChatAppLaunch(query, { secret, referer });
    expect(fromString.ok).toBe(true);
    expect(fromString).toEqual(asParams(query));
  });

  it('decodes the unsigned fields like URLSearchParams (+, malformed escapes, U+FFFD)', () => {
    const query = hostQuery({ buttonParams: 'x=1&y=2 z' }).replace(
      'DIALOG_ID=chat950',
      'DIALOG_ID=chat%E0%A4%A',
    );
    const result = verifyChatAppLaunch(query, { secret, referer });
    expect(result.ok && result.launch.unverified).toMatchObject({
      appCode: 'echo frame+app',
      dialogId: new URLSearchParams('v=chat%E0%A4%A').get('v'),
      buttonParams: 'x=1&y=2 z',
      messageId: null,
    });
  });

  it.each(chatAppQueryKeys)('refuses %s given twice, first or last, in a host-form query', (key) => {
    const query = hostQuery({ messageId: 12, buttonParams: 'b' });
    const pair = query.split('&').find((p) => p.startsWith(`${key}=`))!;
    for (const twice of [`${query}${pair}`, `${pair}&${query}`]) {
      expect(verifyChatAppLaunch(twice, { secret, referer })).toEqual({
        ok: false,
        reason: 'DUPLICATED_FIELD',
        field: key,
      });
    }
  });

  it('refuses a DOMAIN given twice when one of them is written encoded', () => {
    const query = `${hostQuery()}DOM%41IN=https%3A%2F%2Fevil.example`;
    expect(verifyChatAppLaunch(query, { secret, referer })).toEqual({
      ok: false,
      reason: 'DUPLICATED_FIELD',
      field: 'DOMAIN',
    });
  });

  it('reads DOMAIN as written each time, not from an earlier launch of another form', () => {
    expect(verifyChatAppLaunch(hostQuery(), { secret, referer }).ok).toBe(true);
    const spoofed = hostQuery().replace('DOMAIN=https%3A%2F%2F', 'DOMAIN=https%3A%2F%2Fevil.');
    expect(verifyChatAppLaunch(spoofed, { secret, referer })).toMatchObject({ ok: false });
    const literal = verifyChatAppLaunch({ DOMAIN: 'https%3A%2F%2Ftest.bitrix24.com' }, { secret, referer });
    expect(literal).toMatchObject({ ok: false });
  });
});
