/** The `time` block every REST answer carries, as the host writes it. */
import type { OperatingUsage } from '../operating-time.js';

export interface RestTime {
  readonly start: number;
  readonly finish: number;
  readonly duration: number;
  readonly processing: number;
  readonly date_start: string;
  readonly date_finish: string;
  readonly operating_reset_at: number;
  readonly operating: number;
}

export function restTime(
  startedMs: number,
  finishedMs: number = Date.now(),
  usage?: OperatingUsage,
): RestTime {
  const start = startedMs / 1000;
  const finish = finishedMs / 1000;
  const duration = Math.max(0, finish - start);
  return {
    start,
    finish,
    duration,
    processing: duration,
    date_start: new Date(startedMs).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    date_finish: new Date(finishedMs).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    operating_reset_at: usage?.operatingResetAt ?? Math.floor(start) + 600,
    operating: usage?.operating ?? 0,
  };
}
