/**
 * The browser REST transport behind `createRestClient` (loaded on first use, see rest-client.ts):
 * `POST <origin>/rest/<method>.json` with a JSON body carrying `auth`. Errors in the body count even with
 * HTTP 200; a 401 `expired_token` refreshes the token once and retries; a 503 `QUERY_LIMIT_EXCEEDED`
 * backs off exponentially with jitter, a bounded number of times.
 */
import { RestError } from '../rest-error.js';
import type { RestCaller, RestParams } from '../rest-types.js';
import { isDict, text } from './reply-fields.js';
import { runBatch } from './rest-batch.js';
import { checkMethod } from './rest-method.js';

export interface RestClientOptions {
  /** Portal origin, e.g. `https://portal.bitrix24.com`. */
  readonly origin: string;
  /** The current access token. */
  readonly getAuth: () => string;
  /** Renews the token (the frame asks the host with `refreshAuth`); resolves once `getAuth` returns the new one. */
  readonly refreshAuth?: () => Promise<unknown>;
  readonly fetch?: typeof fetch;
  /** Retries after 503 `QUERY_LIMIT_EXCEEDED`. Default 3. */
  readonly maxRetries?: number;
  /** Per-request timeout in ms. Default 30000. */
  readonly timeout?: number;
  /** Base back-off delay in ms, doubled per retry, with jitter (50–100 %). Default 500. */
  readonly retryDelay?: number;
}

export function createRestTransport(options: RestClientOptions): RestCaller {
  const { getAuth, refreshAuth, maxRetries = 3, timeout = 30000, retryDelay = 500 } = options;
  const origin = URL.canParse(options.origin) ? new URL(options.origin).origin : 'null';
  const doFetch = options.fetch ?? fetch;

  const once = async (method: string, params?: RestParams): Promise<unknown> => {
    const fail = (code: string, description: string): RestError =>
      new RestError({ code, description, status, method });
    let status = 0;
    let raw = '';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeout);
    try {
      if (origin === 'null') throw fail('INVALID_ARGUMENT', 'invalid origin');
      const response = await doFetch(`${origin}/rest/${method}.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...params, auth: getAuth() }),
        signal: abort.signal,
      });
      status = response.status;
      raw = await response.text();
    } catch (error) {
      throw error instanceof RestError
        ? error
        : fail(abort.signal.aborted ? 'TIMEOUT' : 'NETWORK_ERROR', String(error));
    } finally {
      clearTimeout(timer);
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {}
    if (isDict(data) && data.error) throw fail(text(data.error) || 'ERROR', text(data.error_description));
    if (status > 399 || !isDict(data)) throw fail(`HTTP_${status}`, raw.slice(0, 200));
    return data.result;
  };

  const call = async (method: string, params?: RestParams): Promise<unknown> => {
    checkMethod(method);
    for (let retry = 0, refreshed = false; ; ) {
      try {
        return await once(method, params);
      } catch (error) {
        const code = (error as RestError).code;
        if (code === 'expired_token' && refreshAuth && !refreshed) {
          refreshed = true;
          await refreshAuth().catch(() => {
            throw error;
          });
        } else if (code === 'QUERY_LIMIT_EXCEEDED' && retry < maxRetries) {
          await new Promise((wake) =>
            setTimeout(wake, retryDelay * 2 ** retry++ * (0.5 + Math.random() / 2)),
          );
        } else {
          throw error;
        }
      }
    }
  };

  return {
    call: call as RestCaller['call'],
    batch: (commands, batchOptions) => runBatch(call, commands, batchOptions?.halt === true),
  };
}
