/** The state of one piece of data fetched over REST: loading, ready or failed (with the host's code). */
import type { ErrorInfo } from '@imkit/app-kit';

export type Remote<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly error: ErrorInfo };

export const loading: Remote<never> = { status: 'loading' };
