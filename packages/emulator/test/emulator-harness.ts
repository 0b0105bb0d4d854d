/**
 * Test harness: an in-memory emulator driven through Hono's `app.request()`, with the host's rate limit
 * on as in `pnpm dev` (a test that makes more than 50 calls in a burst passes `rateLimit: false` and
 * says why). Requests come from 127.0.0.1 unless `from(address)` is used.
 */
import { createEmulatorApp, type PortalOptions } from '../src/emulator-app.js';
import type { RestTime } from '../src/portal/rest/rest-time.js';

export interface RestAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> & { time?: RestTime };
  readonly headers: Headers;
}

export function harness(options: PortalOptions = {}, address = '127.0.0.1') {
  const { app: hono, runtime } = createEmulatorApp({ stateFile: null, shell: false, ...options });
  // What @hono/node-server gives a route: the socket the request came from.
  const env = { incoming: { socket: { remoteAddress: address } } };
  const app = { request: (path: string, init?: RequestInit) => hono.request(path, init, env) };
  /** The same portal, called from another address. */
  const requestFrom = (from: string, path: string, init?: RequestInit) =>
    hono.request(path, init, { incoming: { socket: { remoteAddress: from } } });
  const token = async (userId = 1) => {
    const response = await app.request(`/emulator/api/token?userId=${userId}`);
    return (await response.json()) as { access_token: string; refresh_token: string };
  };
  const answer = async (response: Response): Promise<RestAnswer> => ({
    status: response.status,
    body: (await response.json()) as RestAnswer['body'],
    headers: response.headers,
  });
  /** POSTs a JSON body to /rest/<method> with `auth` in the body. */
  const rest = async (method: string, params: Record<string, unknown> = {}, auth?: string) =>
    answer(
      await app.request(`/rest/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(auth === undefined ? params : { ...params, auth }),
      }),
    );
  /** POSTs a raw form body (`a=1&OPTIONS[iconName]=x`) to a REST path. */
  const restForm = async (path: string, form: string) =>
    answer(
      await app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
      }),
    );
  const restGet = async (pathAndQuery: string, headers: Record<string, string> = {}) =>
    answer(await app.request(pathAndQuery, { headers }));
  const api = async (path: string, body?: unknown, init: RequestInit = {}) => {
    const response = await app.request(`/emulator/api/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { app, runtime, token, rest, restForm, restGet, api, requestFrom };
}
