/** The error every failed REST call rejects with (see `RestErrorInfo` in rest-types.ts). */
import type { RestErrorInfo } from './rest-types.js';

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
