/**
 * The portal's request budget, shared by every process on one database: the host's leaky bucket
 * (`capacity` requests, draining `drainPerSecond`) mirrored in one row per portal and taken in one atomic
 * statement, so N processes together never overflow the host's bucket. The same statement holds back a
 * method the host is about to refuse for its operating time (see operating-time.ts). A caller that finds
 * the bucket full sleeps until the computed time and tries again, bounded by a deadline; callers of one
 * portal queue in order in each process (bounded), so only the head of the queue asks the database.
 */
import type { SqlQueryable } from '../store/sql-driver.js';
import { portalFailure } from './portal-failure.js';

export interface PortalRateLimit {
  /** The bucket's size X: 50 on most plans, 250 on Enterprise. */
  readonly capacity: number;
  /** Requests drained a second: 2 on most plans, 5 on Enterprise. */
  readonly drainPerSecond: number;
  /**
   * Slots of the host's bucket the budget leaves free, because a request reaches the host a little after
   * it took its slot (and a late one can find the host's bucket fuller than ours). Default: what drains in
   * half a second, at least 1 (1 at 2/s, 3 at 5/s).
   */
  readonly reserve?: number;
}

/** The capacity the budget fills up to: the host's, less the reserve (never below 1). */
export function budgetCapacity(limit: PortalRateLimit): number {
  const reserve = limit.reserve ?? Math.max(1, Math.ceil(limit.drainPerSecond / 2));
  return Math.max(1, limit.capacity - reserve);
}

export const defaultPortalRateLimit: PortalRateLimit = { capacity: 50, drainPerSecond: 2 };

export interface RateBudgetOptions {
  /** Callers of one portal waiting in this process at most; more get RATE_BUDGET_QUEUE_FULL. */
  readonly maxWaiters: number;
  /** A method whose operating time reached this many seconds is held back until its reset. */
  readonly operatingHoldSeconds: number;
  /** Aborted by `close()`: sleeping callers give up with CLIENT_CLOSED. */
  readonly closed: AbortSignal;
}

export interface RateBudget {
  /**
   * Takes one request slot of `memberId`'s portal for a request running `methods`; resolves when taken,
   * rejects (typed `RestError`) when the deadline (epoch ms) would pass first.
   */
  take(
    memberId: string,
    request: string,
    methods: readonly string[],
    limit: PortalRateLimit,
    deadline: number,
  ): Promise<void>;
}

/** Not granted, not held: the bucket is full; the wait is computed from its level. */
const takeStatement = `
WITH hold AS (
  SELECT (EXTRACT(EPOCH FROM max(reset_at) - clock_timestamp()) * 1000)::float8 AS hold_ms
  FROM imkit_operating_times
  WHERE member_id = $1 AND method = ANY($4::text[]) AND operating >= $5::float8
    AND reset_at > clock_timestamp()
),
before AS (
  SELECT GREATEST(0, level - $3::float8 * EXTRACT(EPOCH FROM clock_timestamp() - at)::float8) AS level
  FROM imkit_rate_budgets WHERE member_id = $1
),
taken AS (
  INSERT INTO imkit_rate_budgets AS b (member_id, level, at)
  SELECT $1, 1, clock_timestamp() WHERE (SELECT hold_ms FROM hold) IS NULL
  ON CONFLICT (member_id) DO UPDATE
    SET level = GREATEST(0, b.level - $3::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b.at)::float8) + 1,
        at = clock_timestamp()
    WHERE GREATEST(0, b.level - $3::float8 * EXTRACT(EPOCH FROM clock_timestamp() - b.at)::float8) + 1
      <= $2::float8
  RETURNING level
)
SELECT (SELECT count(*) FROM taken)::int AS granted,
       (SELECT hold_ms FROM hold) AS hold_ms,
       (SELECT level FROM before) AS level`;

interface TakeRow {
  granted: number;
  hold_ms: number | string | null;
  level: number | string | null;
}

/** The shortest sleep between two tries: the database is never polled faster. */
const minSleepMs = 20;

function sleepUntilAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function checkRateLimit(limit: PortalRateLimit, field: string): PortalRateLimit {
  if (!(Number.isFinite(limit.capacity) && limit.capacity >= 1)) {
    throw new RangeError(`${field}.capacity must be a number ≥ 1`);
  }
  if (!(Number.isFinite(limit.drainPerSecond) && limit.drainPerSecond > 0)) {
    throw new RangeError(`${field}.drainPerSecond must be a number > 0`);
  }
  if (limit.reserve !== undefined && !(Number.isFinite(limit.reserve) && limit.reserve >= 0)) {
    throw new RangeError(`${field}.reserve must be a number ≥ 0`);
  }
  return limit;
}

export function createRateBudget(sql: SqlQueryable, options: RateBudgetOptions): RateBudget {
  const queues = new Map<string, { tail: Promise<void>; waiting: number }>();

  const closedError = (request: string) =>
    portalFailure('CLIENT_CLOSED', request, 'the portal client is closed');

  /** Sleeps `ms` unless that passes the deadline (then throws `late()`) or the client closes. */
  const pause = async (ms: number, deadline: number, request: string, late: () => Error) => {
    const sleepMs = Math.max(minSleepMs, Math.ceil(ms));
    if (Date.now() + sleepMs > deadline) throw late();
    if (!(await sleepUntilAborted(sleepMs, options.closed))) throw closedError(request);
  };

  /** Takes a slot, sleeping while the bucket is full; returns the hold in ms when a method is held back. */
  const acquire = async (
    memberId: string,
    request: string,
    methods: readonly string[],
    limit: PortalRateLimit,
    deadline: number,
  ): Promise<number | null> => {
    const capacity = budgetCapacity(limit);
    for (;;) {
      if (options.closed.aborted) throw closedError(request);
      const result = await sql.query<TakeRow>(takeStatement, [
        memberId,
        capacity,
        limit.drainPerSecond,
        methods.map((method) => method.toLowerCase()),
        options.operatingHoldSeconds,
      ]);
      const row = result.rows[0];
      if (row !== undefined && Number(row.granted) > 0) return null;
      if (row?.hold_ms !== null && row?.hold_ms !== undefined) return Number(row.hold_ms);
      const level = row?.level === null || row?.level === undefined ? 0 : Number(row.level);
      await pause(((level + 1 - capacity) / limit.drainPerSecond) * 1000, deadline, request, () =>
        portalFailure('RATE_BUDGET_TIMEOUT', request, "the portal's shared rate budget gave no slot in time"),
      );
    }
  };

  /** Runs `work` when the callers of `memberId` queued before have had their turn. */
  const inTurn = async <T>(memberId: string, request: string, work: () => Promise<T>): Promise<T> => {
    const queue = queues.get(memberId) ?? { tail: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= options.maxWaiters) {
      throw portalFailure(
        'RATE_BUDGET_QUEUE_FULL',
        request,
        `${queue.waiting} calls of this portal are already waiting in this process`,
      );
    }
    queues.set(memberId, queue);
    queue.waiting += 1;
    const turn = queue.tail.then(work);
    queue.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await turn;
    } finally {
      queue.waiting -= 1;
      if (queue.waiting === 0 && queues.get(memberId) === queue) queues.delete(memberId);
    }
  };

  return {
    async take(memberId, request, methods, limit, deadline) {
      // A held-back method waits outside the queue, so it does not stop the portal's other methods.
      for (;;) {
        const holdMs = await inTurn(memberId, request, () =>
          acquire(memberId, request, methods, limit, deadline),
        );
        if (holdMs === null) return;
        await pause(holdMs, deadline, request, () =>
          portalFailure(
            'OPERATION_TIME_LIMIT',
            request,
            `held back: the method's operating-time limit on this portal resets in ${Math.ceil(holdMs / 1000)} s`,
          ),
        );
      }
    },
  };
}
