/**
 * Fault switches: added latency, forced 503s for the next N REST calls, the TTL of new tokens, and the
 * execution time each REST call is counted as toward the host's operating-time limit (480 s of one method
 * in 10 minutes, then 429 OPERATION_TIME_LIMIT).
 */
export interface Faults {
  latencyMs: number;
  fail503Count: number;
  tokenTtlSeconds: number;
  operatingMsPerCall: number;
}

export const defaultFaults: Readonly<Faults> = {
  latencyMs: 0,
  fail503Count: 0,
  tokenTtlSeconds: 3600,
  operatingMsPerCall: 0,
};

export type FaultsCheck = { ok: true; faults: Partial<Faults> } | { ok: false; field: string; rule: string };

/** Each switch's allowed range; the shell's Faults panel shows and checks the same ranges. */
export const faultLimits: Readonly<Record<keyof Faults, { readonly min: number; readonly max: number }>> = {
  latencyMs: { min: 0, max: 60_000 },
  fail503Count: { min: 0, max: 10_000 },
  tokenTtlSeconds: { min: 1, max: 86_400 * 30 },
  operatingMsPerCall: { min: 0, max: 600_000 },
};

/** Checks a partial fault update; every given field must be an integer within its range. */
export function checkFaults(input: unknown): FaultsCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, field: 'body', rule: 'a JSON object' };
  const out: Partial<Faults> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(key in faultLimits)) return { ok: false, field: key, rule: 'a known fault switch' };
    const { min, max } = faultLimits[key as keyof Faults];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      return { ok: false, field: key, rule: `an integer from ${min} to ${max}` };
    out[key as keyof Faults] = value;
  }
  return { ok: true, faults: out };
}

/** A fault update given in code (`startEmulator({faults})`, `setFaults`); a TypeError names the bad field. */
export function requireFaults(input: unknown, where: string): Partial<Faults> {
  const checked = checkFaults(input);
  if (!checked.ok)
    throw new TypeError(
      checked.field === 'body'
        ? `${where} must be ${checked.rule}`
        : `${where}.${checked.field} must be ${checked.rule}`,
    );
  return checked.faults;
}
