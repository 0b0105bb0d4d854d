/**
 * The REST caller contract. The browser client's `frame.rest`, the installer's Node client and test stubs
 * all satisfy `RestCaller`, so code such as `applyPlacements(rest, …)` runs on any of them. The error
 * side (`RestErrorInfo`, `RestError`) lives in rest-error.ts, which imports nothing.
 */

import type { RestErrorInfo } from './rest-error.js';

export type RestParams = Readonly<Record<string, unknown>>;

export interface RestCommand {
  readonly method: string;
  readonly params?: RestParams;
}

export type BatchItemResult<T = unknown> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly error: RestErrorInfo };

export interface BatchOptions {
  /** Stop at the first failing command (the host's `halt`). Default false. */
  readonly halt?: boolean;
}

export interface RestCaller {
  /** Calls one method; resolves with its `result`, rejects with a `RestError`. */
  call<T = unknown>(method: string, params?: RestParams): Promise<T>;
  /**
   * Runs many commands through `batch`, at most 50 per HTTP request (split beyond). Resolves with one
   * entry per key; a command's own error is an `ok: false` entry, never a rejection. Rejects with a
   * `RestError` only when a whole request fails.
   */
  batch(
    commands: Readonly<Record<string, RestCommand>>,
    options?: BatchOptions,
  ): Promise<Record<string, BatchItemResult>>;
}

/** Encodes params the way the host's `batch` `cmd` entries expect (`method?query`, PHP-style brackets). */
export function toQueryString(params: RestParams | undefined): string {
  const parts: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null) {
      parts.push(`${encodeURIComponent(key)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        add(`${key}[${index}]`, item);
      });
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    } else if (typeof value === 'boolean') {
      parts.push(`${encodeURIComponent(key)}=${value ? 'Y' : 'N'}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(params ?? {})) add(key, value);
  return parts.join('&');
}
