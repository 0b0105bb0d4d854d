/**
 * The host's resource limit: the execution time of each REST method is summed per portal over a sliding
 * 10 minutes; once one method's sum passes 480 s it is refused for every app and webhook of the portal
 * (429 OPERATION_TIME_LIMIT) while the other methods go on. Every answer's `time` carries the method's
 * sum (`operating`) and when the oldest part of it is released (`operating_reset_at`).
 * Source: bitrix24/b24restdocs limits.md ("Resource Consumption Limits"); HOST-PROTOCOL.md §4.
 *
 * Emulated methods take milliseconds, so the fault switch `operatingMsPerCall` adds simulated
 * execution time to every call: that is how an app meets the limit locally.
 */
import { MethodError } from './method-error.js';

export interface OperatingLimit {
  readonly windowSeconds: number;
  readonly budgetSeconds: number;
}

export const hostOperatingLimit: OperatingLimit = { windowSeconds: 600, budgetSeconds: 480 };

export interface OperatingUsage {
  /** Seconds this method ran within the window, this call included. */
  readonly operating: number;
  /** Unix seconds at which the oldest part of that sum leaves the window. */
  readonly operatingResetAt: number;
}

export class OperatingClock {
  readonly #spent = new Map<string, Array<{ readonly at: number; readonly seconds: number }>>();

  constructor(
    private readonly limit: OperatingLimit = hostOperatingLimit,
    private readonly now: () => number = Date.now,
  ) {}

  #entries(method: string): Array<{ readonly at: number; readonly seconds: number }> {
    const key = method.toLowerCase();
    const since = this.now() - this.limit.windowSeconds * 1000;
    const kept = (this.#spent.get(key) ?? []).filter((entry) => entry.at > since);
    this.#spent.set(key, kept);
    return kept;
  }

  usage(method: string): OperatingUsage {
    const entries = this.#entries(method);
    const operating = entries.reduce((sum, entry) => sum + entry.seconds, 0);
    const oldest = entries[0]?.at ?? this.now();
    return { operating, operatingResetAt: Math.floor(oldest / 1000) + this.limit.windowSeconds };
  }

  /** Throws the host's 429 when `method` has used up its budget. */
  check(method: string): void {
    if (this.usage(method).operating > this.limit.budgetSeconds)
      throw new MethodError(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.');
  }

  record(method: string, seconds: number): OperatingUsage {
    this.#entries(method).push({ at: this.now(), seconds });
    return this.usage(method);
  }

  clear(): void {
    this.#spent.clear();
  }
}
