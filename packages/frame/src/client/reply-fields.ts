/** Defensive readers for values the host sends: never throw, never trust the shape. */

export type Dict = Readonly<Record<string, unknown>>;

/** Any non-null object (PHP may send an empty map as `[]`, so arrays count too). */
export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null;
}

/** Strings stay, numbers become strings, anything else is `''`. */
export function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The host sends booleans; `'Y'` (its REST style) counts as true too. */
export function flag(value: unknown): boolean {
  return value === true || value === 'Y';
}

/** An object's string entries as a frozen `Record<string, string>`; `{}` for anything else. */
export function stringRecord(value: unknown): Readonly<Record<string, string>> {
  return Object.freeze(
    Object.fromEntries(
      Object.entries(isDict(value) ? value : {}).filter(([, item]) => typeof item === 'string'),
    ),
  ) as Readonly<Record<string, string>>;
}
