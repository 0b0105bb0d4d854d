/** Small typed readers for JSON from the emulator's private API; each failure names the field. */
import { ShellDataError } from './shell-data-error.js';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, field: string): JsonObject {
  if (!isObject(value)) throw new ShellDataError(field, 'an object', value);
  return value;
}

export function readArray(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ShellDataError(field, 'an array', value);
  return value;
}

export function readString(o: JsonObject, key: string, field: string): string {
  const value = o[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new ShellDataError(`${field}.${key}`, 'a string', value);
}

export function readOptionalString(o: JsonObject, key: string, fallback: string): string {
  const value = o[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return fallback;
}

export function readNumber(o: JsonObject, key: string, field: string): number {
  const value = o[key];
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  throw new ShellDataError(`${field}.${key}`, 'a number', value);
}

/** Booleans as the portal stores them: true/false or 'Y'/'N'. */
export function readFlag(o: JsonObject, key: string): boolean {
  const value = o[key];
  return value === true || value === 'Y' || value === 1;
}
