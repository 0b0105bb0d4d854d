/**
 * Readers for loosely typed payload values: what arrives may be JSON, a JS object or PHP-style
 * request parameters (a list as an object with numeric keys, numbers as strings).
 */

export type PayloadRecord = Readonly<Record<string, unknown>>;

export function isPayloadRecord(value: unknown): value is PayloadRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list: an array, or an object whose keys are all numeric (a PHP list); null otherwise. */
export function asPayloadList(value: unknown): readonly unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isPayloadRecord(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.values(value);
  }
  return null;
}

/** One item or a list of items (`IMAGE: {…}` and `IMAGE: [{…}]` both occur). */
export function asItems(value: unknown): readonly unknown[] | null {
  const list = asPayloadList(value);
  if (list !== null) return list;
  return isPayloadRecord(value) ? [value] : null;
}

/** A non-blank string or a finite number. */
export function isFilled(value: unknown): boolean {
  return (
    (typeof value === 'string' && value.trim() !== '') ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

export function hasAnyFilled(item: PayloadRecord, keys: readonly string[]): boolean {
  return keys.some((key) => isFilled(item[key]));
}

/** An absolute http(s) URL: links the chat renders must not run script (`javascript:`) or leave the web. */
export function isWebLink(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
