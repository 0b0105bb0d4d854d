import { describe, expect, it } from 'vitest';
import { applyPlacements, InstallerError } from '../src/index.js';
import { createNodeRestClient, defaultOAuthServer, refreshOAuthToken } from '../src/node.js';
import { handlerBase, sidebar } from './declarations.fixture.js';
import { createFakeHttpPortal } from './fake-http-portal.js';

describe('createNodeRestClient', () => {
  it('POSTs <portal>/rest/<method>.json with the token in the JSON body', async () => {
    const http = createFakeHttpPortal();
    const rest = createNodeRestClient({
      portal: `${http.origin}/some/page`,
      accessToken: 'access-1',
      fetch: http.fetch,
    });
    expect(await rest.call('placement.get')).toEqual([]);
    expect(http.exchanges).toEqual([
      { method: 'POST', url: 'http://127.0.0.1:3000/rest/placement.get.json', body: { auth: 'access-1' } },
    ]);
  });

  it('runs the installer over HTTP: bind params survive the batch query encoding', async () => {
    const http = createFakeHttpPortal();
    const rest = createNodeRestClient({ portal: http.origin, accessToken: 'access-1', fetch: http.fetch });
    const result = await applyPlacements(rest, [sidebar], { handlerBase });
    expect(result.ok).toBe(true);
    expect(result.requests).toBe(2);
    expect(http.portal.rows[0]).toMatchObject({
      placement: 'IM_SIDEBAR',
      handler: 'https://apps.example.com/im-sidebar/',
      options: { iconName: 'fa-bar-chart', color: 'AZURE', extranet: 'N', role: 'USER', context: 'ALL' },
      langAll: { en: { TITLE: 'Chat insights' }, ru: { TITLE: 'Аналитика чата' } },
    });
    const again = await applyPlacements(rest, [sidebar], { handlerBase });
    expect(again).toMatchObject({ ok: true, requests: 1 });
  });

  it('reads per-command errors of a batch, including HTTP-200 option errors', async () => {
    const http = createFakeHttpPortal();
    http.portal.commandFault = (method) =>
      method === 'placement.bind'
        ? { code: 'INVALID_ERROR_COLOR', description: 'Field color is invalid.', status: 200, method }
        : null;
    const rest = createNodeRestClient({ portal: http.origin, accessToken: 'access-1', fetch: http.fetch });
    const result = await rest.batch({
      a: { method: 'placement.bind', params: { PLACEMENT: 'IM_SIDEBAR' } },
      b: { method: 'placement.get' },
    });
    expect(result.a).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ERROR_COLOR', description: 'Field color is invalid.' },
    });
    expect(result.b).toEqual({ ok: true, result: [] });
  });

  it('refreshes an expired token once through <oauthServer>/oauth/token/ and retries', async () => {
    const http = createFakeHttpPortal();
    const seen: string[] = [];
    const rest = createNodeRestClient({
      portal: http.origin,
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      clientId: 'local.app',
      clientSecret: 'secret',
      fetch: http.fetch,
      onTokens: (t) => seen.push(t.accessToken),
    });
    http.expireNext = 1;
    expect(await rest.call('placement.get')).toEqual([]);
    const refresh = http.exchanges[1]!;
    expect(refresh.method).toBe('GET');
    const url = new URL(refresh.url);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:3000/oauth/token/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      grant_type: 'refresh_token',
      client_id: 'local.app',
      client_secret: 'secret',
      refresh_token: 'refresh-1',
    });
    expect(http.exchanges[2]?.body).toEqual({ auth: 'access-2' });
    expect(rest.accessToken()).toBe('access-2');
    expect(seen).toEqual(['access-2']);
  });

  it('refreshes only once per call: a token that expires again fails with expired_token', async () => {
    const http = createFakeHttpPortal();
    const rest = createNodeRestClient({
      portal: http.origin,
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      clientId: 'local.app',
      clientSecret: 'secret',
      fetch: http.fetch,
    });
    http.expireNext = 2;
    await expect(rest.call('placement.get')).rejects.toMatchObject({ code: 'expired_token', status: 401 });
    expect(http.exchanges.filter((e) => e.url.includes('/oauth/token/'))).toHaveLength(1);
    expect(http.exchanges).toHaveLength(3);
  });

  it('says why the refresh failed instead of repeating expired_token', async () => {
    const http = createFakeHttpPortal();
    const rest = createNodeRestClient({
      portal: http.origin,
      accessToken: 'access-1',
      refreshToken: 'revoked',
      clientId: 'local.app',
      clientSecret: 'secret',
      fetch: http.fetch,
    });
    http.expireNext = 1;
    const error = await rest.call('placement.get').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REFRESH_FAILED', status: 401 });
    expect(String((error as Error).message)).toMatch(
      /refreshing it at http:\/\/127\.0\.0\.1:3000\/oauth\/token\/ failed: invalid_grant — Invalid refresh token/,
    );
  });

  it('does not refresh without refresh credentials', async () => {
    const http = createFakeHttpPortal();
    const rest = createNodeRestClient({ portal: http.origin, accessToken: 'stale', fetch: http.fetch });
    await expect(rest.call('placement.get')).rejects.toMatchObject({ code: 'expired_token' });
    expect(http.exchanges).toHaveLength(1);
  });

  it('surfaces the OAuth server error when the refresh itself is refused', async () => {
    const http = createFakeHttpPortal();
    await expect(
      refreshOAuthToken(
        { refreshToken: 'wrong', clientId: 'local.app', clientSecret: 'secret', oauthServer: http.origin },
        { fetch: http.fetch },
      ),
    ).rejects.toMatchObject({ code: 'invalid_grant', description: 'Invalid refresh token', status: 400 });
    await expect(
      refreshOAuthToken(
        { refreshToken: 'r', clientId: 'c', clientSecret: 's', oauthServer: 'http://127.0.0.9:1' },
        { fetch: http.fetch },
      ),
    ).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('refuses a webhook URL with an explanation that placements need an application token', () => {
    const error = (() => {
      try {
        createNodeRestClient({ portal: 'https://x.bitrix24.com/rest/1/s3cr3tcode/', accessToken: 't' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InstallerError);
    expect(error).toMatchObject({ code: 'WEBHOOK_URL' });
    expect(String((error as Error).message)).toMatch(/webhook URL.*application \(OAuth\) token/);
    expect(String((error as Error).message)).not.toContain('s3cr3tcode');
  });

  it('refuses bad portals and missing tokens with typed errors', () => {
    expect(() => createNodeRestClient({ portal: 'not a url', accessToken: 't' })).toThrow(
      /portal "not a url" is not a URL/,
    );
    expect(() => createNodeRestClient({ portal: 'ftp://x.example.com', accessToken: 't' })).toThrow(
      /http\(s\)/,
    );
    expect(() => createNodeRestClient({ portal: 'https://x.example.com', accessToken: '' })).toThrow(
      /accessToken/,
    );
  });

  it('uses the portal as OAuth server for http portals and the Bitrix24 OAuth server for https', () => {
    expect(defaultOAuthServer('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(defaultOAuthServer('https://x.bitrix24.com')).toBe('https://oauth.bitrix.info');
  });
});
