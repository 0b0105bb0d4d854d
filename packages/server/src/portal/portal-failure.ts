/**
 * The portal client's own failure codes. They travel as `RestError` (status 0: the portal was not asked
 * or gave no answer), next to the host's codes (`expired_token`, `QUERY_LIMIT_EXCEEDED`, …), so callers
 * handle one error type.
 */
import { RestError } from '@imkit/frame';

export type PortalClientFailure =
  /** No installation of this member_id is stored. */
  | 'UNKNOWN_INSTALLATION'
  /** The OAuth server refused the refresh token: the app must be reinstalled on the portal. */
  | 'NEEDS_REINSTALL'
  /** The token expired and the refresh failed for another reason (OAuth server down, timed out…). */
  | 'REFRESH_FAILED'
  /** Another process held the installation's refresh lock longer than the bound. */
  | 'REFRESH_TIMEOUT'
  /** The shared rate budget gave no slot within the bound. */
  | 'RATE_BUDGET_TIMEOUT'
  /** Too many callers of this portal are already waiting in this process. */
  | 'RATE_BUDGET_QUEUE_FULL'
  /** The portal did not answer within the request timeout. */
  | 'PORTAL_TIMEOUT'
  /** The portal could not be reached (or the destination is refused in production). */
  | 'PORTAL_UNREACHABLE'
  /** `close()` was called. */
  | 'CLIENT_CLOSED'
  /** A list had more pages than `maxPages`. */
  | 'PAGE_LIMIT';

export function portalFailure(
  code: PortalClientFailure | 'OPERATION_TIME_LIMIT',
  method: string,
  description: string,
): RestError {
  return new RestError({ code, description, status: 0, method });
}
