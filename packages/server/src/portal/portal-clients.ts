/**
 * The server's client of its installations' portals: `createPortalClients(options).portal(memberId)` is a
 * `RestCaller` (`call`, `batch` split at 50) with `list` paging, calling with the installation's stored
 * token. Every process on one database shares the token refresh (once per expiry, token-refresh.ts) and
 * the portal's rate budget (rate-budget.ts, with the operating-time hold-back). Errors are `RestError`:
 * the host's codes, or the client's own (portal-failure.ts).
 */
import { createRestClient, type RestCaller, RestError, type RestParams } from '@imkit/frame';
import type { OAuthClient } from '../oauth-client.js';
import type { Installation, InstallationStore } from '../store/installation.js';
import { portalFailure } from './portal-failure.js';
import { createPortalFetch } from './portal-fetch.js';
import { listPages } from './portal-list.js';
import {
  checkRateLimit,
  createRateBudget,
  defaultPortalRateLimit,
  type PortalRateLimit,
} from './rate-budget.js';
import { type FreshToken, refreshInstallationToken } from './token-refresh.js';

export interface PortalClientsOptions {
  /** Where the installations are; its database also holds the refresh locks and the rate budgets. */
  readonly store: InstallationStore;
  /** Refreshes expired tokens (`createOAuthClient`; the emulator serves an OAuth endpoint too). */
  readonly oauth: OAuthClient;
  /** Production: portals only over https on port 443 at public addresses (see outbound.ts). */
  readonly production: boolean;
  /** The host's bucket for a portal: default 50 requests, 2 a second; Enterprise portals have 250 and 5. */
  readonly rateLimit?: PortalRateLimit | ((installation: Installation) => PortalRateLimit);
  /** Per HTTP request, in ms. Default 10000. */
  readonly timeoutMs?: number;
  /** Bound on waiting for the rate budget or a held-back method, in ms. Default 30000. */
  readonly maxWaitMs?: number;
  /** Callers of one portal waiting in one process at most. Default 1000. */
  readonly maxWaiters?: number;
  /** Bound on waiting for another process's token refresh, in ms. Default 8000. */
  readonly refreshLockTimeoutMs?: number;
  /** A method is held back once its operating time reaches this (the host refuses past 480 s). Default 430. */
  readonly operatingHoldSeconds?: number;
  /** Retries after 503 QUERY_LIMIT_EXCEEDED (doubling back-off from 500 ms, with jitter). Default 3. */
  readonly rateLimitRetries?: number;
  /** Installations kept in memory at most (least recently used go first). Default 10000. */
  readonly maxCachedPortals?: number;
  /** Where the one line about an installation needing a reinstall goes. Default `console.warn`. */
  readonly log?: (line: string) => void;
}

export interface PortalListOptions {
  /** Pages read at most; the iterator ends with PAGE_LIMIT past it. Default 1000. */
  readonly maxPages?: number;
}

/** One installation's portal. */
export interface PortalClient extends RestCaller {
  readonly memberId: string;
  /**
   * Every page of a list method (`crm.deal.list`, `im.recent.list`…), following the answer's `next`
   * with `start`; yields each page's `result`.
   */
  list<Page = unknown[]>(
    method: string,
    params?: RestParams,
    options?: PortalListOptions,
  ): AsyncGenerator<Page, void, undefined>;
}

export interface PortalClients {
  portal(memberId: string): PortalClient;
  /** Drops what this process remembers of an installation (after an uninstall or reinstall elsewhere). */
  forget(memberId: string): void;
  /** Ends waiting callers with CLIENT_CLOSED and refuses new calls. Does not close the store. */
  close(): void;
}

interface PortalState {
  /** The installation as last read, with the token this process uses. */
  loaded: Promise<Installation> | null;
  accessToken: string;
  /** When to refresh before the call (ms): shortly before the expiry, or null when nobody said. */
  refreshAt: number | null;
  /** The last token an answer called expired. */
  expiredToken: string | null;
  refreshing: Promise<void> | null;
  refreshFailure: RestError | null;
  rest: RestCaller | null;
  options: { origin: string; limit: PortalRateLimit } | null;
}

/**
 * A token this close to its stated expiry is refreshed before the call: 30 s, or a quarter of the time it
 * had left when this process learnt it, whichever is shorter (so a short-lived token is not refreshed at
 * every call).
 */
const expirySkewMs = 30_000;

function refreshTime(expiresAt: Date | null, now = Date.now()): number | null {
  if (expiresAt === null) return null;
  const at = expiresAt.getTime();
  return at - Math.min(expirySkewMs, Math.max(0, at - now) / 4);
}

function positive(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`portal clients: ${field} must be > 0`);
  return value;
}

export function createPortalClients(options: PortalClientsOptions): PortalClients {
  const { store, oauth } = options;
  const timeoutMs = positive(options.timeoutMs, 10_000, 'timeoutMs');
  const maxWaitMs = positive(options.maxWaitMs, 30_000, 'maxWaitMs');
  const maxWaiters = positive(options.maxWaiters, 1000, 'maxWaiters');
  const lockTimeoutMs = positive(options.refreshLockTimeoutMs, 8000, 'refreshLockTimeoutMs');
  const operatingHoldSeconds = positive(options.operatingHoldSeconds, 430, 'operatingHoldSeconds');
  const maxCached = positive(options.maxCachedPortals, 10_000, 'maxCachedPortals');
  const retries = options.rateLimitRetries ?? 3;
  if (!Number.isSafeInteger(retries) || retries < 0) {
    throw new RangeError('portal clients: rateLimitRetries must be an integer ≥ 0');
  }
  if (typeof options.rateLimit === 'object') checkRateLimit(options.rateLimit, 'portal clients: rateLimit');
  const log = options.log ?? ((line: string) => console.warn(line));
  const closing = new AbortController();
  const budget = createRateBudget(store.sql, { maxWaiters, operatingHoldSeconds, closed: closing.signal });
  const states = new Map<string, PortalState>();
  const clients = new Map<string, PortalClient>();

  const limitOf = (installation: Installation): PortalRateLimit => {
    const limit =
      typeof options.rateLimit === 'function'
        ? options.rateLimit(installation)
        : (options.rateLimit ?? defaultPortalRateLimit);
    return checkRateLimit(limit, 'portal clients: rateLimit');
  };

  const stateOf = (memberId: string): PortalState => {
    let state = states.get(memberId);
    if (state !== undefined) {
      states.delete(memberId);
      states.set(memberId, state);
      return state;
    }
    state = {
      loaded: null,
      accessToken: '',
      refreshAt: null,
      expiredToken: null,
      refreshing: null,
      refreshFailure: null,
      rest: null,
      options: null,
    };
    states.set(memberId, state);
    while (states.size > maxCached) {
      const oldest = states.keys().next().value as string;
      states.delete(oldest);
      clients.delete(oldest);
    }
    return state;
  };

  const adopt = (state: PortalState, token: FreshToken): void => {
    state.accessToken = token.accessToken;
    state.refreshAt = refreshTime(token.accessExpiresAt);
  };

  /** Replaces `failedToken` once per process; the database makes it once across processes. */
  const refresh = (memberId: string, state: PortalState, failedToken: string, method: string) => {
    if (failedToken !== state.accessToken) return Promise.resolve();
    state.refreshing ??= refreshInstallationToken(
      { sql: store.sql, oauth, lockTimeoutMs, log },
      memberId,
      failedToken,
      method,
    )
      .then((token) => {
        store.forget?.(memberId);
        adopt(state, token);
        state.refreshFailure = null;
      })
      .catch((error: unknown) => {
        store.forget?.(memberId);
        state.refreshFailure =
          error instanceof RestError
            ? error
            : portalFailure('REFRESH_FAILED', method, 'the installation store could not be reached');
        if (
          state.refreshFailure.code === 'NEEDS_REINSTALL' ||
          state.refreshFailure.code === 'UNKNOWN_INSTALLATION'
        ) {
          state.loaded = null;
        }
        throw state.refreshFailure;
      })
      .finally(() => {
        state.refreshing = null;
      });
    return state.refreshing;
  };

  const restOf = (memberId: string, state: PortalState, onAnswer?: (body: unknown) => void): RestCaller => {
    const { origin, limit } = state.options!;
    return createRestClient({
      origin,
      getAuth: () => state.accessToken,
      refreshAuth: () => refresh(memberId, state, state.expiredToken ?? state.accessToken, 'refresh'),
      fetch: createPortalFetch({
        memberId,
        sql: store.sql,
        budget,
        rateLimit: limit,
        policy: { production: options.production },
        timeoutMs,
        maxWaitMs,
        operatingHoldSeconds,
        maxAnswerBytes: 8 * 1024 * 1024,
        onAnswer: (token, body) => {
          if ((body as { error?: unknown } | null)?.error === 'expired_token') state.expiredToken = token;
          onAnswer?.(body);
        },
      }),
      maxRetries: retries,
      // The request itself is bounded by timeoutMs and the budget wait by maxWaitMs (portal-fetch.ts).
      timeout: timeoutMs + maxWaitMs + 1000,
    });
  };

  /** The installation's state, loaded and with a token not known to be expired; throws typed. */
  const ready = async (memberId: string, method: string): Promise<PortalState> => {
    if (closing.signal.aborted) throw portalFailure('CLIENT_CLOSED', method, 'the portal client is closed');
    const state = stateOf(memberId);
    state.loaded ??= store.findByMemberId(memberId).then((installation) => {
      if (installation === null) {
        throw portalFailure('UNKNOWN_INSTALLATION', method, 'no installation of this member_id is stored');
      }
      adopt(state, installation);
      state.refreshFailure = null;
      state.options = { origin: installation.portalOrigin, limit: limitOf(installation) };
      state.rest = null;
      return installation;
    });
    let installation: Installation;
    try {
      installation = await state.loaded;
    } catch (error) {
      state.loaded = null;
      throw error;
    }
    if (installation.needsReinstall) {
      state.loaded = null; // read again next time: a reinstall on any process clears it
      throw portalFailure('NEEDS_REINSTALL', method, 'the app must be reinstalled on this portal');
    }
    if (state.refreshAt !== null && state.refreshAt < Date.now()) {
      await refresh(memberId, state, state.accessToken, method);
    }
    return state;
  };

  /** The transport rethrows the 401 when the refresh failed; say why the refresh failed instead. */
  const explain =
    (state: PortalState) =>
    (error: unknown): never => {
      if (error instanceof RestError && error.code === 'expired_token' && state.refreshFailure !== null) {
        throw state.refreshFailure;
      }
      throw error;
    };

  /**
   * Runs `work` on the installation as this process knows it. When the portal answers `invalid_token`, the
   * copy is stale (another process reinstalled the app, and its change notice has not arrived yet): the
   * installation is read again from the database, once, and `work` repeated only if the token changed.
   */
  const withCurrentInstallation = async <T>(
    memberId: string,
    method: string,
    work: (rest: RestCaller) => Promise<T>,
  ): Promise<T> => {
    const state = await ready(memberId, method);
    state.rest ??= restOf(memberId, state);
    try {
      return await work(state.rest).catch(explain(state));
    } catch (error) {
      if (!(error instanceof RestError && error.code === 'invalid_token')) throw error;
      const staleToken = state.accessToken;
      store.forget?.(memberId);
      states.delete(memberId);
      const current = await ready(memberId, method);
      if (current.accessToken === staleToken) throw error;
      current.rest ??= restOf(memberId, current);
      return work(current.rest).catch(explain(current));
    }
  };

  const clientOf = (memberId: string): PortalClient => ({
    memberId,
    call<T>(method: string, params?: RestParams): Promise<T> {
      return withCurrentInstallation(memberId, method, (rest) => rest.call<T>(method, params));
    },
    batch(commands, batchOptions) {
      return withCurrentInstallation(memberId, 'batch', (rest) => rest.batch(commands, batchOptions));
    },
    list<Page>(method: string, params?: RestParams, listOptions?: PortalListOptions) {
      return listPages<Page>(method, params ?? {}, listOptions?.maxPages ?? 1000, async () => {
        const state = await ready(memberId, method);
        let last: unknown = null;
        const rest = restOf(memberId, state, (body) => {
          last = body;
        });
        return async (pageParams) => {
          const result = await rest.call(method, pageParams).catch(explain(state));
          return { result, answer: last };
        };
      });
    },
  });

  return {
    portal(memberId) {
      if (typeof memberId !== 'string' || memberId === '') {
        throw new TypeError('portal clients: memberId must be a non-empty string');
      }
      let client = clients.get(memberId);
      if (client === undefined) {
        client = clientOf(memberId);
        clients.set(memberId, client);
      }
      return client;
    },
    forget(memberId) {
      states.delete(memberId);
      clients.delete(memberId);
    },
    close() {
      closing.abort();
      states.clear();
      clients.clear();
    },
  };
}
