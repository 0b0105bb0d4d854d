/**
 * `Remote<T>`: the state of one REST-backed value in a store — idle, loading, ready with data, or failed
 * with a readable error. `track(promise, set)` runs a call and stores each step.
 */
import { type ErrorInfo, toErrorInfo } from './error-info.js';

export type Remote<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly error: ErrorInfo };

export const idle: Remote<never> = { status: 'idle' };

/** Sets `loading`, then `ready` or `error`; resolves with the data, or undefined when the call failed. */
export async function track<T>(
  work: () => Promise<T>,
  set: (remote: Remote<T>) => void,
): Promise<T | undefined> {
  set({ status: 'loading' });
  try {
    const data = await work();
    set({ status: 'ready', data });
    return data;
  } catch (error) {
    set({ status: 'error', error: toErrorInfo(error) });
    return undefined;
  }
}
