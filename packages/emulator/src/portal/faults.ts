import {
  checkSwitchUpdate,
  requireSwitchUpdate,
  type SwitchRules,
  type SwitchUpdate,
} from './switch-update.js';

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

/** Each switch's allowed range; the shell's Faults panel shows and checks the same ranges. */
export const faultLimits: Readonly<Record<keyof Faults, { readonly min: number; readonly max: number }>> = {
  latencyMs: { min: 0, max: 60_000 },
  fail503Count: { min: 0, max: 10_000 },
  tokenTtlSeconds: { min: 1, max: 86_400 * 30 },
  operatingMsPerCall: { min: 0, max: 600_000 },
};

const faultRules = Object.fromEntries(
  Object.entries(faultLimits).map(([name, { min, max }]) => [
    name,
    {
      rule: `an integer from ${min} to ${max}`,
      accepts: (value: unknown) =>
        typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
    },
  ]),
) as SwitchRules<Faults>;

/** Checks a partial fault update; every given field must be an integer within its range. */
export const checkFaults = (input: unknown): SwitchUpdate<Faults> =>
  checkSwitchUpdate(input, faultRules, 'a known fault switch');

/** A fault update given in code (`startEmulator({faults})`, `setFaults`); a TypeError names the bad field. */
export const requireFaults = (input: unknown, where: string): Partial<Faults> =>
  requireSwitchUpdate(input, faultRules, 'a known fault switch', where);
