import { describe, expect, it } from 'vitest';
import { maxSessionSeconds, signChatAppSession, verifyChatAppSession } from '../src/session-token.js';

const secret = 'a-session-secret-of-at-least-32-bytes!';
const session = { memberId: 'member1', userId: 7, app: 'legacy-chat-app/', epoch: 3 };

describe('chat app session tokens', () => {
  it('round-trips the session and its expiry', () => {
    const now = 1_800_000_000_000;
    const { token, expiresAt } = signChatAppSession(session, secret, { now, ttlSeconds: 60 });
    expect(expiresAt).toBe(now / 1000 + 60);
    expect(verifyChatAppSession(token, secret, now)).toEqual({
      ok: true,
      session: { ...session, expiresAt },
    });
  });

  it('never lives longer than 15 minutes', () => {
    const now = 1_800_000_000_000;
    const { expiresAt } = signChatAppSession(session, secret, { now, ttlSeconds: 86_400 });
    expect(expiresAt - now / 1000).toBe(maxSessionSeconds);
    expect(maxSessionSeconds).toBe(900);
  });

  it('refuses an expired token', () => {
    const now = 1_800_000_000_000;
    const { token } = signChatAppSession(session, secret, { now, ttlSeconds: 60 });
    expect(verifyChatAppSession(token, secret, now + 60_000)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses a token signed with another secret or with a changed payload', () => {
    const { token } = signChatAppSession(session, secret);
    expect(verifyChatAppSession(token, `${secret}x`)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const [, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ m: 'member1', u: 1, a: 'legacy-chat-app/', d: '', e: 4e9 }),
    ).toString('base64url');
    expect(verifyChatAppSession(`${forged}.${signature}`, secret)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
  });

  it.each([undefined, null, 42, '', 'abc', 'a.b.c', `${'a'.repeat(3000)}.${'b'.repeat(43)}`, '!!.??'])(
    'calls %s malformed without throwing',
    (token) => {
      expect(verifyChatAppSession(token, secret)).toEqual({ ok: false, reason: 'MALFORMED_TOKEN' });
    },
  );

  it('refuses secrets shorter than 32 bytes', () => {
    expect(() => signChatAppSession(session, 'short')).toThrow(/32 bytes/);
    expect(() => verifyChatAppSession('x', 'short')).toThrow(/32 bytes/);
  });
});
