/** The error every failed REST call rejects with, and the fields it carries. */

/** What every failed REST call carries: the host's `error` code, its text and the HTTP status. */
export interface RestErrorInfo {
  /** The host's `error` field, such as `expired_token` or `INVALID_ERROR_COLOR`; or a client code (`NETWORK_ERROR`, `BAD_RESPONSE`, `TIMEOUT`). */
  readonly code: string;
  readonly description: string;
  /** HTTP status of the response (200 for errors the host returns with 200; 0 when no response came). */
  readonly status: number;
  readonly method: string;
}

export class RestError extends Error implements RestErrorInfo {
  override readonly name = 'RestError';
  declare readonly code: string;
  declare readonly description: string;
  declare readonly status: number;
  declare readonly method: string;
  constructor(info: RestErrorInfo) {
    super(`${info.method}: ${info.code} ${info.description}`);
    Object.assign(this, info);
  }
}
