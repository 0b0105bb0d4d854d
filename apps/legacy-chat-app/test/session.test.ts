import { describe, expect, it } from 'vitest';
import { fetchWhoAmI, readSessionToken } from '../src/session.js';

const session = { token: 'abc.def', expiresAt: 2_000_000_000 };
const user = {
  memberId: 'm1',
  domain: 'portal.test',
  portal: 'https://portal.test',
  userId: 7,
  expiresAt: 2e9,
};

describe('readSessionToken', () => {
  it('reads the token and expiry the server put into the page', () => {
    document.head.innerHTML = '<meta name="imkit-session" content="abc.def" data-expires-at="2000000000">';
    expect(readSessionToken(document)).toEqual(session);
  });

  it.each([
    '',
    '<meta name="imkit-session" content="">',
    '<meta name="imkit-session" content="x" data-expires-at="soon">',
  ])('is null for %j', (html) => {
    document.head.innerHTML = html;
    expect(readSessionToken(document)).toBeNull();
  });
});

describe('fetchWhoAmI', () => {
  it('sends the token as a bearer header to api/whoami next to the page', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    const fake: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify(user), { status: 200 });
    };
    const result = await fetchWhoAmI(session, {
      fetch: fake,
      baseUrl: 'https://apps.test/legacy-chat-app/?X=1',
    });
    expect(result).toEqual({ ok: true, user });
    expect(calls).toEqual([{ url: 'https://apps.test/legacy-chat-app/api/whoami', auth: 'Bearer abc.def' }]);
  });

  it('reports the server error code, a bad body and network failures without throwing', async () => {
    const refused: typeof fetch = async () =>
      new Response(JSON.stringify({ error: 'EXPIRED' }), { status: 401 });
    expect(await fetchWhoAmI(session, { fetch: refused, baseUrl: 'https://a.test/' })).toEqual({
      ok: false,
      error: 'EXPIRED',
    });
    const odd: typeof fetch = async () => new Response('<html>', { status: 200 });
    expect(await fetchWhoAmI(session, { fetch: odd, baseUrl: 'https://a.test/' })).toEqual({
      ok: false,
      error: 'HTTP 200',
    });
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await fetchWhoAmI(session, { fetch: down, baseUrl: 'https://a.test/' })).toEqual({
      ok: false,
      error: 'NETWORK_ERROR',
    });
  });

  it('gives up after the timeout', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const result = await fetchWhoAmI(session, { fetch: hang, baseUrl: 'https://a.test/', timeoutMs: 20 });
    expect(result).toEqual({ ok: false, error: 'TIMEOUT' });
  });
});
