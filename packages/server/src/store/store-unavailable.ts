/**
 * The store cannot be reached (PostgreSQL down, restarting, or not answering within its bound). Requests
 * that need the store answer 503 `STORE_UNAVAILABLE` with `Retry-After` instead of waiting; the store
 * reconnects by itself once the database is back.
 */
export class StoreUnavailableError extends Error {
  constructor(
    /** Seconds a client should wait before trying again. */
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super('store: the database cannot be reached right now', options);
    this.name = 'StoreUnavailableError';
  }
}

/** Socket errors of a connection that failed or broke. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATEs of a server that is going away or refuses connections (class 08: connection exception). */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** `pg`'s own words for a connection that timed out or ended (it sets no code on them). */
const connectionMessages =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection timeout|not queryable|Connection ended/i;

/** True when `error` means the database is unreachable, not that a statement was wrong. */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (socketCodes.has(code) || unavailableStates.has(code) || code.startsWith('08')) return true;
  }
  return typeof message === 'string' && connectionMessages.test(message);
}

/**
 * Fails fast while the database is known to be down: after a connection failure every call is refused
 * at once for `pauseMs`, then the next call tries the database again. Without it each request would wait
 * out the whole connect timeout during an outage.
 */
export function storeCircuit(pauseMs: number): <T>(work: () => Promise<T>) => Promise<T> {
  let openUntil = 0;
  const retryAfterSeconds = Math.max(1, Math.ceil(pauseMs / 1000));
  return async (work) => {
    if (Date.now() < openUntil) throw new StoreUnavailableError(retryAfterSeconds);
    try {
      return await work();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      openUntil = Date.now() + pauseMs;
      throw error instanceof StoreUnavailableError
        ? error
        : new StoreUnavailableError(retryAfterSeconds, { cause: error });
    }
  };
}
