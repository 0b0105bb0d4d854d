/**
 * The host's operating-time limit: each method's execution time is summed per portal over 10 minutes, and
 * past 480 s the method is refused (429 `OPERATION_TIME_LIMIT`) until the oldest part leaves the window.
 * Every answer's `time` carries the sum (`operating`) and that moment (`operating_reset_at`, unix
 * seconds); a batch answer carries one `time` per command in `result_time`. Readings close to the limit
 * are stored per (portal, method) in `imkit_operating_times`, where the rate budget's statement reads
 * them, so every process holds the method back until its reset.
 */
import type { SqlQueryable } from '../store/sql-driver.js';

export interface OperatingReading {
  readonly method: string;
  /** Seconds used in the window; `blockedOperating` when the host refused the method. */
  readonly operating: number;
  /** Unix seconds. */
  readonly resetAt: number;
}

/** Stands for "refused by the host": above any threshold. */
const blockedOperating = 1e9;
/** The host's window, used when a refusal does not say when it ends. */
const windowSeconds = 600;

type Fields = Readonly<Record<string, unknown>>;

const fields = (value: unknown): Fields =>
  typeof value === 'object' && value !== null ? (value as Fields) : {};

function readingOf(method: string, time: unknown, refused: boolean): OperatingReading | null {
  const { operating, operating_reset_at: resetAt } = fields(time);
  const reset = Number(resetAt);
  const now = Date.now() / 1000;
  if (refused) {
    return {
      method,
      operating: blockedOperating,
      resetAt: Number.isFinite(reset) && reset > now ? reset : now + windowSeconds,
    };
  }
  const used = Number(operating);
  if (typeof operating !== 'number' && typeof operating !== 'string') return null;
  return Number.isFinite(used) && Number.isFinite(reset) ? { method, operating: used, resetAt: reset } : null;
}

/** The methods a request runs: itself, or a batch's commands (`cmd[key] = "method?query"`). */
export function batchCommands(sentBody: string): Map<string, string> {
  const commands = new Map<string, string>();
  let sent: unknown;
  try {
    sent = JSON.parse(sentBody);
  } catch {
    return commands;
  }
  for (const [key, command] of Object.entries(fields(fields(sent).cmd))) {
    if (typeof command === 'string') commands.set(key, command.split('?')[0]!);
  }
  return commands;
}

/** What an answer says about operating times: the method's own, or each batch command's. */
export function operatingReadings(
  method: string,
  commands: ReadonlyMap<string, string>,
  answer: unknown,
): OperatingReading[] {
  const body = fields(answer);
  if (method.toLowerCase() !== 'batch') {
    const reading = readingOf(method, body.time, body.error === 'OPERATION_TIME_LIMIT');
    return reading === null ? [] : [reading];
  }
  const result = fields(body.result);
  const times = fields(result.result_time);
  const errors = fields(result.result_error);
  const readings: OperatingReading[] = [];
  for (const [key, command] of commands) {
    const refused = fields(errors[key]).error === 'OPERATION_TIME_LIMIT';
    const reading = readingOf(command, times[key], refused);
    if (reading !== null) readings.push(reading);
  }
  return readings;
}

/** Stores the readings at or above `holdSeconds` (the others change nothing the budget would act on). */
export async function recordOperatingTimes(
  sql: SqlQueryable,
  memberId: string,
  readings: readonly OperatingReading[],
  holdSeconds: number,
): Promise<void> {
  for (const reading of readings) {
    if (reading.operating < holdSeconds) continue;
    await sql.query(
      `INSERT INTO imkit_operating_times (member_id, method, operating, reset_at)
       VALUES ($1, $2, $3::float8, to_timestamp($4::float8))
       ON CONFLICT (member_id, method) DO UPDATE
         SET operating = EXCLUDED.operating, reset_at = EXCLUDED.reset_at`,
      [memberId, reading.method.toLowerCase(), reading.operating, reading.resetAt],
    );
  }
}
