/**
 * The REST contract the installer runs on (`RestCaller`, `RestError`, packages/frame/src/rest-types.ts),
 * re-exported from `@imkit/frame`, plus a reader for `RestError`-shaped rejections of any implementation.
 */
export {
  type BatchItemResult,
  type RestCaller,
  type RestCommand,
  RestError,
  type RestErrorInfo,
  type RestParams,
} from '@imkit/frame';

import type { RestErrorInfo as ErrorInfo } from '@imkit/frame';

/** Reads a `RestError`-shaped rejection (from any RestCaller implementation), or null for anything else. */
export function restErrorInfo(error: unknown): ErrorInfo | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Partial<Record<keyof ErrorInfo, unknown>>;
  if (typeof e.code !== 'string' || typeof e.status !== 'number') return null;
  return {
    code: e.code,
    description: typeof e.description === 'string' ? e.description : '',
    status: e.status,
    method: typeof e.method === 'string' ? e.method : '',
  };
}
