/**
 * `@imkit/frame` — the browser client for Bitrix24 chat placements: `connect()` → `Frame` (typed launch
 * context, host commands, `rest`, lazy `sdk()`), and `createRestClient` for pages that hold a token.
 * Zero runtime dependencies. The REST transport and the official SDK load on first use.
 */
export { connect } from './client/connect.js';
export { createRestClient, type RestClientOptions } from './client/rest-client.js';
export { RestError, type RestErrorInfo } from './rest-error.js';
export type {
  BatchItemResult,
  BatchOptions,
  RestCaller,
  RestCommand,
  RestParams,
} from './rest-types.js';
export * from './types.js';
