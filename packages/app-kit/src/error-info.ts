/**
 * Reads any failure an app meets — a `RestError`, a failed `batch` entry's error, a `FrameError`, a plain
 * `Error` or a thrown string — as `{ code, description }`, so stores keep one shape and views one text.
 */
import { asRecord, readString } from './json.js';

export interface ErrorInfo {
  readonly code: string;
  readonly description: string;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error === 'string') return { code: error || 'UNKNOWN_ERROR', description: '' };
  const record = asRecord(error);
  const code = readString(record, 'code') || readString(record, 'error');
  const description =
    readString(record, 'description') ||
    readString(record, 'error_description') ||
    readString(record, 'message');
  return { code: code || 'UNKNOWN_ERROR', description: description === code ? '' : description };
}
