/**
 * The scripted portal behind a `fetch` function: `POST /rest/<method>.json` (JSON body with `auth`),
 * `batch` with `cmd` query strings (PHP brackets), HTTP-200 option errors, 401 `expired_token`, and
 * `GET /oauth/token/?grant_type=refresh_token…`. Used to test the Node client and the CLI end to end.
 */
import { createFakePortal, type FakePortal, type StoredRow } from './fake-portal.js';

export interface HttpExchange {
  readonly method: string;
  readonly url: string;
  readonly body: Record<string, unknown> | null;
}

export interface FakeHttpPortal {
  readonly origin: string;
  readonly portal: FakePortal;
  readonly exchanges: HttpExchange[];
  readonly fetch: typeof fetch;
  /** Tokens the portal accepts; a refresh replaces `accessToken` and `refreshToken`. */
  tokens: { accessToken: string; refreshToken: string; clientId: string; clientSecret: string };
  /** Answer the next N REST requests with 401 expired_token whatever the token. */
  expireNext: number;
}

/** `a[b][c]=v` pairs into nested objects, the way PHP reads a query string. */
export function parsePhpQuery(query: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = out;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else {
        if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return out;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function createFakeHttpPortal(
  origin = 'http://127.0.0.1:3000',
  rows: StoredRow[] = [],
): FakeHttpPortal {
  const portal = createFakePortal(rows);
  const http: FakeHttpPortal = {
    origin,
    portal,
    exchanges: [],
    tokens: {
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      clientId: 'local.app',
      clientSecret: 'secret',
    },
    expireNext: 0,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
      http.exchanges.push({ method: init?.method ?? 'GET', url: url.toString(), body });
      if (url.origin !== origin) throw new TypeError('fetch failed');
      if (url.pathname === '/oauth/token/') {
        const q = url.searchParams;
        if (
          q.get('grant_type') !== 'refresh_token' ||
          q.get('client_id') !== http.tokens.clientId ||
          q.get('client_secret') !== http.tokens.clientSecret ||
          q.get('refresh_token') !== http.tokens.refreshToken
        ) {
          return json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
        }
        const n = Number(http.tokens.accessToken.split('-')[1]) + 1;
        http.tokens = { ...http.tokens, accessToken: `access-${n}`, refreshToken: `refresh-${n}` };
        return json(200, {
          access_token: http.tokens.accessToken,
          refresh_token: http.tokens.refreshToken,
          expires_in: 3600,
        });
      }
      const match = /^\/rest\/([a-z0-9_.]+)\.json$/i.exec(url.pathname);
      if (!match || init?.method !== 'POST' || body === null) return json(404, { error: 'NOT_FOUND' });
      if (http.expireNext > 0 || body.auth !== http.tokens.accessToken) {
        if (http.expireNext > 0) http.expireNext--;
        return json(401, {
          error: 'expired_token',
          error_description: 'The access token provided has expired.',
        });
      }
      const method = match[1]!;
      const { auth: _auth, ...params } = body;
      if (method === 'batch') {
        const cmd = (params.cmd ?? {}) as Record<string, string>;
        const commands = Object.fromEntries(
          Object.entries(cmd).map(([key, line]) => {
            const [name, query = ''] = line.split('?');
            return [key, { method: name!, params: parsePhpQuery(query) }];
          }),
        );
        const results = await portal.rest.batch(commands);
        const ok: Record<string, unknown> = {};
        const errors: Record<string, unknown> = {};
        for (const [key, entry] of Object.entries(results)) {
          if (entry.ok) ok[key] = entry.result;
          else errors[key] = { error: entry.error.code, error_description: entry.error.description };
        }
        const phpMap = (map: Record<string, unknown>) => (Object.keys(map).length === 0 ? [] : map);
        return json(200, { result: { result: phpMap(ok), result_error: phpMap(errors) }, time: {} });
      }
      try {
        return json(200, { result: await portal.rest.call(method, params), time: {} });
      } catch (error) {
        const e = error as { code: string; description: string; status: number };
        return json(e.status || 400, { error: e.code, error_description: e.description });
      }
    },
  };
  return http;
}
