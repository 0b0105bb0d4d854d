/**
 * Counters of what the portal answered, for tests and benchmarks: OAuth refresh exchanges, REST calls
 * refused by the host's limits or with `expired_token`, and app event deliveries by event and status.
 * They live in the runtime (not in the persisted state) and start from zero on a reset.
 */

/** One event delivery outcome: the handler's HTTP status, or `failed` when no answer came. */
export type DeliveryStatus = number | 'failed';

export interface EventDeliveryCount {
  readonly event: string;
  readonly status: DeliveryStatus;
  readonly count: number;
}

export interface PortalStats {
  readonly oauthRefresh: { readonly ok: number; readonly invalidGrant: number };
  readonly rest: {
    /** 503 QUERY_LIMIT_EXCEEDED: the leaky bucket or the `fail503Count` fault switch. */
    readonly queryLimitExceeded: number;
    /** 429 OPERATION_TIME_LIMIT (batch commands each count). */
    readonly operationTimeLimit: number;
    /** 401 expired_token. */
    readonly expiredToken: number;
  };
  /** Sorted by event, then status. */
  readonly eventDeliveries: readonly EventDeliveryCount[];
}

export class PortalCounters {
  #refreshOk = 0;
  #refreshInvalidGrant = 0;
  #queryLimitExceeded = 0;
  #operationTimeLimit = 0;
  #expiredToken = 0;
  readonly #deliveries = new Map<string, { event: string; status: DeliveryStatus; count: number }>();

  refreshAnswered(ok: boolean): void {
    if (ok) this.#refreshOk++;
    else this.#refreshInvalidGrant++;
  }

  /** Counts a REST error answer the counters follow; other errors are ignored. */
  restRefused(error: string): void {
    if (error === 'QUERY_LIMIT_EXCEEDED') this.#queryLimitExceeded++;
    else if (error === 'OPERATION_TIME_LIMIT') this.#operationTimeLimit++;
    else if (error === 'expired_token') this.#expiredToken++;
  }

  eventDelivered(event: string, status: DeliveryStatus): void {
    const key = `${event}\u0000${status}`;
    const entry = this.#deliveries.get(key);
    if (entry) entry.count++;
    else this.#deliveries.set(key, { event, status, count: 1 });
  }

  snapshot(): PortalStats {
    const eventDeliveries = [...this.#deliveries.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) =>
        a.event === b.event
          ? String(a.status).localeCompare(String(b.status))
          : a.event.localeCompare(b.event),
      );
    return {
      oauthRefresh: { ok: this.#refreshOk, invalidGrant: this.#refreshInvalidGrant },
      rest: {
        queryLimitExceeded: this.#queryLimitExceeded,
        operationTimeLimit: this.#operationTimeLimit,
        expiredToken: this.#expiredToken,
      },
      eventDeliveries,
    };
  }

  clear(): void {
    this.#refreshOk = 0;
    this.#refreshInvalidGrant = 0;
    this.#queryLimitExceeded = 0;
    this.#operationTimeLimit = 0;
    this.#expiredToken = 0;
    this.#deliveries.clear();
  }
}
