/**
 * The host's leaky-bucket rate limit: each request adds one drop, the bucket drains `perSecond` drops a
 * second, and a request that would overflow `burst` is refused (503 QUERY_LIMIT_EXCEEDED).
 */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

export const defaultRateLimit: RateLimit = { perSecond: 2, burst: 50 };

export class LeakyBucket {
  private readonly levels = new Map<string, { level: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit.perSecond > 0) || !(limit.burst >= 1)) {
      throw new RangeError('rateLimit: perSecond must be > 0 and burst ≥ 1');
    }
  }

  /** Takes one drop for `key`; false when the bucket is full. */
  take(key: string): boolean {
    const now = this.now();
    const entry = this.levels.get(key) ?? { level: 0, at: now };
    const drained = Math.max(0, entry.level - ((now - entry.at) / 1000) * this.limit.perSecond);
    if (drained + 1 > this.limit.burst) {
      this.levels.set(key, { level: drained, at: now });
      return false;
    }
    this.levels.set(key, { level: drained + 1, at: now });
    return true;
  }

  clear(): void {
    this.levels.clear();
  }
}
