import { describe, expect, it, vi } from 'vitest';
import { batchLimit } from '../src/client/rest-batch.js';
import { createRestClient, type RestClientOptions, RestError } from '../src/index.js';
import { toQueryString } from '../src/rest-types.js';

const origin = 'https://portal.example.com';

interface Seen {
  readonly url: string;
  readonly body: Record<string, unknown>;
}

type Answer = Response | Error | ((seen: Seen) => Response | Promise<Response>);

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

/** A scripted fetch: answers in order (the last answer repeats) and records every request. */
function scriptedFetch(...answers: Answer[]) {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    const request = { url: String(url), body: JSON.parse(String(init?.body)) as Record<string, unknown> };
    seen.push(request);
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request) : answer.clone();
  });
  return { fetch, seen };
}

function client(fetch: typeof globalThis.fetch, options: Partial<RestClientOptions> = {}) {
  let token = 'token-1';
  const refreshAuth = vi.fn(async () => {
    token = 'token-2';
  });
  const rest = createRestClient({
    origin,
    getAuth: () => token,
    refreshAuth,
    fetch,
    retryDelay: 1,
    ...options,
  });
  return { rest, refreshAuth };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as RestError,
  );

describe('rest call', () => {
  it('POSTs <origin>/rest/<method>.json with the params and auth, and resolves with result', async () => {
    const { fetch, seen } = scriptedFetch(json({ result: { ID: '1' }, time: {} }));
    const { rest } = client(fetch);
    await expect(rest.call('user.current', { FILTER: { ACTIVE: true } })).resolves.toEqual({ ID: '1' });
    expect(seen).toEqual([
      { url: `${origin}/rest/user.current.json`, body: { FILTER: { ACTIVE: true }, auth: 'token-1' } },
    ]);
  });

  it('treats an error body with HTTP 200 as a failure', async () => {
    const { fetch } = scriptedFetch(
      json({ error: 'INVALID_ERROR_COLOR', error_description: 'Field color is invalid.' }, 200),
    );
    const error = await failure(client(fetch).rest.call('placement.bind', {}));
    expect(error).toBeInstanceOf(RestError);
    expect(error).toMatchObject({
      code: 'INVALID_ERROR_COLOR',
      description: 'Field color is invalid.',
      status: 200,
      method: 'placement.bind',
    });
  });

  it('reports HTTP errors with the host’s code, or HTTP_<status> when the body has none', async () => {
    const { fetch } = scriptedFetch(
      json({ error: 'ACCESS_DENIED', error_description: 'Access denied!' }, 403),
      new Response('<html>bad gateway</html>', { status: 502 }),
      new Response('not json', { status: 200 }),
    );
    const { rest } = client(fetch);
    expect(await failure(rest.call('placement.get'))).toMatchObject({ code: 'ACCESS_DENIED', status: 403 });
    expect(await failure(rest.call('placement.get'))).toMatchObject({ code: 'HTTP_502', status: 502 });
    expect(await failure(rest.call('placement.get'))).toMatchObject({ code: 'HTTP_200', status: 200 });
  });

  it('refreshes an expired token once and retries once', async () => {
    const { fetch, seen } = scriptedFetch((request) =>
      request.body.auth === 'token-1'
        ? json({ error: 'expired_token', error_description: 'The access token provided has expired.' }, 401)
        : json({ result: true }),
    );
    const { rest, refreshAuth } = client(fetch);
    await expect(rest.call('im.dialog.get', { DIALOG_ID: 'chat1' })).resolves.toBe(true);
    expect(refreshAuth).toHaveBeenCalledTimes(1);
    expect(seen.map((s) => s.body.auth)).toEqual(['token-1', 'token-2']);
  });

  it('gives up after one refresh when the token stays expired, or when refreshing fails', async () => {
    const expired = json({ error: 'expired_token', error_description: '' }, 401);
    const first = scriptedFetch(expired);
    const a = client(first.fetch);
    expect(await failure(a.rest.call('user.current'))).toMatchObject({ code: 'expired_token', status: 401 });
    expect(first.seen).toHaveLength(2);
    expect(a.refreshAuth).toHaveBeenCalledTimes(1);

    const second = scriptedFetch(expired);
    const refreshAuth = vi.fn(async () => {
      throw new Error('host did not answer');
    });
    const b = client(second.fetch, { refreshAuth });
    expect(await failure(b.rest.call('user.current'))).toMatchObject({ code: 'expired_token' });
    expect(second.seen).toHaveLength(1);

    const third = scriptedFetch(expired);
    const c = createRestClient({ origin, getAuth: () => 't', fetch: third.fetch });
    expect(await failure(c.call('user.current'))).toMatchObject({ code: 'expired_token' });
    expect(third.seen).toHaveLength(1);
  });

  it('backs off exponentially with jitter on QUERY_LIMIT_EXCEEDED, a bounded number of times', async () => {
    const limited = json({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }, 503);
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      if (ms !== undefined && ms < 10_000) delays.push(ms);
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout);
    try {
      const ok = scriptedFetch(limited, limited, json({ result: 'done' }));
      await expect(client(ok.fetch, { retryDelay: 100 }).rest.call('im.recent.list')).resolves.toBe('done');
      expect(ok.seen).toHaveLength(3);
      expect(delays).toHaveLength(2);
      expect(delays[0]).toBeGreaterThanOrEqual(50);
      expect(delays[0]).toBeLessThanOrEqual(100);
      expect(delays[1]).toBeGreaterThanOrEqual(100);
      expect(delays[1]).toBeLessThanOrEqual(200);

      const never = scriptedFetch(limited);
      const error = await failure(
        client(never.fetch, { maxRetries: 2, retryDelay: 100 }).rest.call('im.recent.list'),
      );
      expect(error).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', status: 503 });
      expect(never.seen).toHaveLength(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('reports a network failure as NETWORK_ERROR with status 0', async () => {
    const { fetch } = scriptedFetch(new TypeError('Failed to fetch'));
    expect(await failure(client(fetch).rest.call('user.current'))).toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
      method: 'user.current',
    });
  });

  it('aborts a request that takes longer than the timeout', async () => {
    const fetch = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const { rest } = client(fetch, { timeout: 20 });
    expect(await failure(rest.call('user.current'))).toMatchObject({ code: 'TIMEOUT', status: 0 });
  });

  it('refuses a malformed method name without a request', async () => {
    const { fetch } = scriptedFetch(json({ result: 1 }));
    const { rest } = client(fetch);
    for (const method of ['', '../oauth/token', 'user current', 'a..b', 'x.json?y=1']) {
      expect(await failure(rest.call(method))).toMatchObject({ code: 'INVALID_ARGUMENT', status: 0 });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an origin that is not a URL', async () => {
    const { fetch } = scriptedFetch(json({ result: 1 }));
    const rest = createRestClient({ origin: 'not a url', getAuth: () => 't', fetch });
    expect(await failure(rest.call('user.current'))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('rest batch', () => {
  const batchAnswer = (request: Seen) => {
    const cmd = request.body.cmd as Record<string, string>;
    const result: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    for (const [key, command] of Object.entries(cmd)) {
      if (command.startsWith('fail'))
        errors[key] = { error: 'ERROR_CORE', error_description: `failed ${key}` };
      else result[key] = { key, command };
    }
    return json({
      result: {
        result,
        result_error: Object.keys(errors).length ? errors : [],
        result_total: [],
        result_next: [],
        result_time: {},
      },
    });
  };

  it('sends {halt, cmd:{key:"method?query"}} to batch', async () => {
    const { fetch, seen } = scriptedFetch(batchAnswer);
    const { rest } = client(fetch);
    const params = { DIALOG_ID: 'chat1', FIELDS: { A: [1, 2] }, FLAG: true };
    const results = await rest.batch({
      dialog: { method: 'im.dialog.get', params },
      me: { method: 'user.current' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`${origin}/rest/batch.json`);
    expect(seen[0]?.body).toEqual({
      halt: 0,
      cmd: { dialog: `im.dialog.get?${toQueryString(params)}`, me: 'user.current' },
      auth: 'token-1',
    });
    expect(results).toEqual({
      dialog: { ok: true, result: { key: 'dialog', command: `im.dialog.get?${toQueryString(params)}` } },
      me: { ok: true, result: { key: 'me', command: 'user.current' } },
    });
  });

  it(`splits beyond ${batchLimit} commands and merges the results`, async () => {
    expect(batchLimit).toBe(50);
    const { fetch, seen } = scriptedFetch(batchAnswer);
    const { rest } = client(fetch);
    const commands = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [`k${i}`, { method: 'user.get', params: { ID: i } }]),
    );
    const results = await rest.batch(commands);
    expect(seen.map((s) => Object.keys(s.body.cmd as object).length)).toEqual([50, 50, 20]);
    expect(Object.keys(seen[2]?.body.cmd as object)[0]).toBe('k100');
    expect(Object.keys(results)).toHaveLength(120);
    expect(results.k119).toEqual({ ok: true, result: { key: 'k119', command: 'user.get?ID=119' } });
  });

  it('maps result_error entries per key, never rejecting for one command', async () => {
    const { fetch } = scriptedFetch(batchAnswer);
    const results = await client(fetch).rest.batch({
      good: { method: 'user.current' },
      bad: { method: 'fail.now' },
    });
    expect(results.good).toMatchObject({ ok: true });
    expect(results.bad).toEqual({
      ok: false,
      error: { code: 'ERROR_CORE', description: 'failed bad', status: 200, method: 'fail.now' },
    });
  });

  it('with halt, stops sending later requests and reports what never ran as NOT_EXECUTED', async () => {
    const { fetch, seen } = scriptedFetch(batchAnswer);
    const commands = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`k${i}`, { method: i === 3 ? 'fail.now' : 'user.get' }]),
    );
    const results = await client(fetch).rest.batch(commands, { halt: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body.halt).toBe(1);
    expect(results.k3).toMatchObject({ ok: false, error: { code: 'ERROR_CORE' } });
    expect(results.k55).toMatchObject({ ok: false, error: { code: 'NOT_EXECUTED', method: 'user.get' } });
  });

  it('rejects with a RestError when the whole batch request fails', async () => {
    const { fetch } = scriptedFetch(json({ error: 'QUERY_LIMIT_EXCEEDED', error_description: '' }, 503));
    const error = await failure(
      client(fetch, { maxRetries: 0 }).rest.batch({ a: { method: 'user.current' } }),
    );
    expect(error).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', method: 'batch' });
  });

  it('refuses a malformed command before sending anything', async () => {
    const { fetch } = scriptedFetch(batchAnswer);
    const { rest } = client(fetch);
    expect(
      await failure(rest.batch({ a: { method: 'user.current' }, b: { method: 'no way' } })),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(fetch).not.toHaveBeenCalled();
    await expect(rest.batch({})).resolves.toEqual({});
  });
});
