import { createRestClient, RestError } from '@imkit/frame';
import { constantTimeEqual } from '@imkit/frame/verify';
import type { InstallClaim, InstallConfirmation, InstallConfirmer } from './install-confirmation.js';

export interface PortalConfirmationOptions {
  /**
   * The app's client_id (`IMKIT_CLIENT_ID`). When set, `app.info` must name this app: its `client_id` when
   * the portal sends one, else its `CODE` (a local app's CODE is its client_id).
   */
  readonly clientId?: string;
  /** Timeout of the `app.info` request in ms. Default 5000. */
  readonly timeoutMs?: number;
  /** The fetch to use (tests pass a scripted portal). Default: the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Largest `app.info` answer read; a bigger one is not a portal's. */
const maxAnswerBytes = 64 * 1024;

/** Reads at most `limit` bytes of a body; null when it is longer. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (response.body === null) return new Uint8Array(new ArrayBuffer(0));
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * A fetch that never follows redirects and never reads more than `maxAnswerBytes`: a redirect or an
 * oversized answer reaches the REST client as an empty body (so it is "not a portal answer").
 */
function guardedFetch(base: typeof fetch, outer: AbortSignal): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ? AbortSignal.any([init.signal, outer]) : outer;
    const response = await base(input, { ...init, redirect: 'manual', signal });
    const redirected = response.status >= 300 && response.status < 400;
    const body = redirected ? null : await readCapped(response, maxAnswerBytes);
    if (body === null) {
      await response.body?.cancel().catch(() => undefined);
      return new Response(null, { status: response.status });
    }
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

function statedString(result: Readonly<Record<string, unknown>>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = result[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** Whether app.info's `result` proves the claim: the portal's member_id (when it states one) and the app. */
function judgeAppInfo(
  result: unknown,
  claim: InstallClaim,
  clientId: string | undefined,
): InstallConfirmation {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    return { confirmed: false, reason: 'NOT_A_PORTAL_ANSWER', detail: 'app.info has no result' };
  }
  const info = result as Readonly<Record<string, unknown>>;
  const memberId = statedString(info, 'member_id', 'MEMBER_ID');
  if (memberId !== null && !constantTimeEqual(memberId, claim.memberId)) {
    return { confirmed: false, reason: 'MEMBER_MISMATCH' };
  }
  if (clientId !== undefined) {
    const app = statedString(info, 'client_id', 'CLIENT_ID') ?? statedString(info, 'CODE');
    if (app === null || !constantTimeEqual(app, clientId))
      return { confirmed: false, reason: 'CLIENT_MISMATCH' };
  }
  return { confirmed: true };
}

/** Sorts a failed `app.info` call: the portal disowning the token, versus the portal not being there. */
function judgeRestError(error: unknown): InstallConfirmation {
  if (!(error instanceof RestError)) return { confirmed: false, reason: 'PORTAL_UNAVAILABLE' };
  if (error.code === 'TIMEOUT') return { confirmed: false, reason: 'PORTAL_TIMEOUT' };
  if (error.code === 'NETWORK_ERROR' || error.status >= 500) {
    return {
      confirmed: false,
      reason: 'PORTAL_UNAVAILABLE',
      detail: error.status > 0 ? `HTTP ${error.status}` : undefined,
    };
  }
  if (error.status >= 300 && error.status < 400) {
    return { confirmed: false, reason: 'NOT_A_PORTAL_ANSWER', detail: `redirect ${error.status}` };
  }
  if (error.code.startsWith('HTTP_')) {
    return { confirmed: false, reason: 'NOT_A_PORTAL_ANSWER', detail: `HTTP ${error.status}` };
  }
  const code = /^[A-Za-z0-9_]{1,64}$/.test(error.code) ? error.code : 'error';
  return { confirmed: false, reason: 'TOKEN_REJECTED', detail: code };
}

/**
 * The default confirmer: asks the claimed portal itself. `POST <portal origin>/rest/app.info.json` with the
 * event's access token (only to that origin, no redirects, a short timeout, at most 64 KB read). The
 * install is confirmed when the portal accepts the token and its answer does not contradict the claim:
 * a `member_id` it states must equal the event's, and with `clientId` set the app must be this one.
 */
export function confirmInstallWithPortal(options: PortalConfirmationOptions = {}): InstallConfirmer {
  const timeout = options.timeoutMs ?? 5000;
  const baseFetch = options.fetch ?? fetch;
  return async (claim, signal) => {
    const rest = createRestClient({
      origin: claim.portalOrigin,
      getAuth: () => claim.accessToken,
      fetch: guardedFetch(baseFetch, signal),
      maxRetries: 0,
      timeout,
    });
    try {
      return judgeAppInfo(await rest.call('app.info'), claim, options.clientId);
    } catch (error) {
      return judgeRestError(error);
    }
  };
}
