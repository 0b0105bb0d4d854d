/**
 * A `fetch` that counts what goes over the wire: every request, and the round trips — the periods during
 * which at least one request is in flight (sequential requests are one round trip each, parallel ones
 * share one).
 */

export interface WireCount {
  readonly requests: number;
  readonly roundTrips: number;
}

export interface CountingFetch {
  readonly fetch: typeof fetch;
  /** The counts since the last `reset()`. */
  count(): WireCount;
  reset(): void;
}

export function countingFetch(inner: typeof fetch = globalThis.fetch): CountingFetch {
  let requests = 0;
  let roundTrips = 0;
  let inFlight = 0;
  const counted = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    requests++;
    if (inFlight === 0) roundTrips++;
    inFlight++;
    try {
      return await inner(input, init);
    } finally {
      inFlight--;
    }
  };
  return {
    fetch: counted as typeof fetch,
    count: () => ({ requests, roundTrips }),
    reset: () => {
      requests = 0;
      roundTrips = 0;
    },
  };
}
