/**
 * Reading REST answers safely. The host's JSON is `unknown` until checked: these helpers pick typed
 * fields out of it and never throw, so a surprising answer degrades to "missing" instead of a crash.
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string field; numbers are accepted and converted (the host mixes `"12"` and `12`). */
export function readString(record: JsonRecord | null, key: string): string {
  const value = record?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** An id given as a number or a digit string (the host mixes both); 0 when not a non-negative integer. */
export function asId(value: unknown): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** A numeric id field, read with `asId`. */
export function readId(record: JsonRecord | null, key: string): number {
  return asId(record?.[key]);
}

export function readBoolean(record: JsonRecord | null, key: string): boolean {
  const value = record?.[key];
  return value === true || value === 'Y';
}

/** A JSON text as the host stores it (a user or app option); undefined when absent or not JSON. */
export function parseJson(raw: string | undefined): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
