/**
 * Back-off for the portal's rate limit: 503 `QUERY_LIMIT_EXCEEDED` (a leaky bucket, 2 requests/s on most
 * plans). Bounded: a fixed number of attempts with doubling delays.
 */
import { type RestErrorInfo, restErrorInfo } from './rest.js';

export interface RetryOptions {
  /** Attempts in all, the first included. Default 5. */
  readonly attempts?: number;
  /** First delay in ms; doubles each retry. Default 500. */
  readonly baseDelayMs?: number;
  /** How to wait (tests pass a fake). Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called before each wait. */
  readonly onRetry?: (info: {
    readonly attempt: number;
    readonly delayMs: number;
    readonly method: string;
  }) => void;
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

export function isRateLimited(error: Pick<RestErrorInfo, 'code' | 'status'>): boolean {
  return error.code === 'QUERY_LIMIT_EXCEEDED' || (error.status === 503 && error.code !== 'TIMEOUT');
}

/** The delay before retry number `attempt` (1-based), or null when no attempts are left. */
export function retryDelay(options: RetryOptions, attempt: number): number | null {
  const attempts = options.attempts ?? 5;
  if (attempt >= attempts) return null;
  return (options.baseDelayMs ?? 500) * 2 ** (attempt - 1);
}

/** Runs `request`, retrying with back-off while it rejects with a rate-limit `RestError`. */
export async function withRateLimitRetry<T>(
  method: string,
  request: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const info = restErrorInfo(error);
      if (info === null || !isRateLimited(info)) throw error;
      const delayMs = retryDelay(options, attempt);
      if (delayMs === null) throw error;
      options.onRetry?.({ attempt, delayMs, method });
      await sleep(delayMs);
    }
  }
}
