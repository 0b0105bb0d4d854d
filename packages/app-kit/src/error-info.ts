/**
 * Reads any failure an app meets — a `RestError`, a failed `batch` entry's error, a `FrameError`, a plain
 * `Error` or a thrown string — as `{ code, description }`, so stores keep one shape and views one text.
 */

export interface ErrorInfo {
  readonly code: string;
  readonly description: string;
}

function field(value: object, name: string): string {
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' ? found : '';
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === 'string') return { code: error || 'UNKNOWN_ERROR', description: '' };
  if (typeof error !== 'object' || error === null) return { code: 'UNKNOWN_ERROR', description: '' };
  const code = field(error, 'code') || field(error, 'error');
  const description =
    field(error, 'description') || field(error, 'error_description') || field(error, 'message');
  return { code: code || 'UNKNOWN_ERROR', description: description === code ? '' : description };
}
