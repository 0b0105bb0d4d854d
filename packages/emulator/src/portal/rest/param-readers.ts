/** Reading PHP-style REST parameters the way the host does (intval, Y/N flags, strings). */
import { phpIntval } from '@imkit/frame/placements';

export function paramString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  return '';
}

export function paramInt(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  return typeof value === 'string' ? phpIntval(value) : 0;
}

/** `Y`/`N` flags (also true/false, 1/0); `fallback` when absent. */
export function paramFlag(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  const text = paramString(value).toUpperCase();
  return text === 'Y' || text === '1' || text === 'TRUE';
}

/** PHP's empty(): '', '0', 0, null, missing, empty arrays. */
export function phpEmpty(value: unknown): boolean {
  if (
    value === undefined ||
    value === null ||
    value === '' ||
    value === '0' ||
    value === 0 ||
    value === false
  )
    return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
