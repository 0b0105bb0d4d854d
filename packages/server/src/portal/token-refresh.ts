/**
 * Refreshing an installation's access token exactly once per expiry, however many processes find it
 * expired: the refresh runs in a transaction holding the installation's row lock (`SELECT … FOR UPDATE`).
 * A process that gets the lock after another one refreshed sees a stored token other than the one that
 * failed and takes it; only the first exchanges the refresh token (which the OAuth server accepts once)
 * and stores the rotated pair in the same transaction. Waiting for the lock is bounded (`lock_timeout`).
 * A refused refresh token marks the installation as needing a reinstall, logged once, by the process
 * that learnt it.
 */

import type { OAuthClient } from '../oauth-client.js';
import { OAuthError } from '../oauth-client.js';
import type { SqlDriver } from '../store/sql-driver.js';
import { portalFailure } from './portal-failure.js';

export interface FreshToken {
  readonly accessToken: string;
  readonly accessExpiresAt: Date | null;
}

export interface TokenRefreshContext {
  readonly sql: SqlDriver;
  readonly oauth: OAuthClient;
  /** Bound on waiting for another process's refresh, in ms. */
  readonly lockTimeoutMs: number;
  readonly log: (line: string) => void;
}

interface LockedRow {
  access_token: string;
  refresh_token: string;
  access_expires_at: Date | string | null;
  domain: string;
  needs_reinstall: boolean;
}

type Outcome =
  | { readonly kind: 'fresh'; readonly token: FreshToken }
  | { readonly kind: 'failed'; readonly error: Error };

/** PostgreSQL's lock_not_available (lock_timeout) and query_canceled (statement_timeout). */
function isLockTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '55P03' || code === '57014';
}

const toDate = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/**
 * Returns a usable access token for `memberId` in place of `failedToken`: the one another process already
 * stored, or a new one from the OAuth server. Throws a `RestError` with UNKNOWN_INSTALLATION,
 * NEEDS_REINSTALL, REFRESH_TIMEOUT or REFRESH_FAILED.
 */
export async function refreshInstallationToken(
  context: TokenRefreshContext,
  memberId: string,
  failedToken: string,
  method: string,
): Promise<FreshToken> {
  let outcome: Outcome;
  try {
    outcome = await context.sql.transaction(async (tx): Promise<Outcome> => {
      await tx.query("SELECT set_config('lock_timeout', $1, true)", [`${context.lockTimeoutMs}ms`]);
      const locked = await tx.query<LockedRow>(
        `SELECT access_token, refresh_token, access_expires_at, domain, needs_reinstall
         FROM imkit_installations WHERE member_id = $1 FOR UPDATE`,
        [memberId],
      );
      const row = locked.rows[0];
      if (row === undefined) {
        return {
          kind: 'failed',
          error: portalFailure('UNKNOWN_INSTALLATION', method, 'the installation is gone'),
        };
      }
      if (row.needs_reinstall) {
        return {
          kind: 'failed',
          error: portalFailure('NEEDS_REINSTALL', method, 'the app must be reinstalled on this portal'),
        };
      }
      if (row.access_token !== failedToken) {
        return {
          kind: 'fresh',
          token: { accessToken: row.access_token, accessExpiresAt: toDate(row.access_expires_at) },
        };
      }
      try {
        const grant = await context.oauth.refresh(row.refresh_token);
        if (grant.memberId !== memberId) {
          return {
            kind: 'failed',
            error: portalFailure('REFRESH_FAILED', method, 'the OAuth server answered for another portal'),
          };
        }
        const accessExpiresAt =
          grant.expiresIn === null ? null : new Date(Date.now() + grant.expiresIn * 1000);
        await tx.query(
          `UPDATE imkit_installations
           SET access_token = $2, refresh_token = $3, access_expires_at = $4, updated_at = now()
           WHERE member_id = $1`,
          [memberId, grant.accessToken, grant.refreshToken, accessExpiresAt],
        );
        return { kind: 'fresh', token: { accessToken: grant.accessToken, accessExpiresAt } };
      } catch (error) {
        if (error instanceof OAuthError && error.code === 'GRANT_REJECTED') {
          await tx.query(
            'UPDATE imkit_installations SET needs_reinstall = true, updated_at = now() WHERE member_id = $1',
            [memberId],
          );
          context.log(
            `installation needs reinstall: member_id=${memberId} domain=${row.domain} (refresh token revoked)`,
          );
          return {
            kind: 'failed',
            error: portalFailure('NEEDS_REINSTALL', method, 'the OAuth server refused the refresh token'),
          };
        }
        const code = error instanceof OAuthError ? error.code : 'OAUTH_ERROR';
        return {
          kind: 'failed',
          error: portalFailure('REFRESH_FAILED', method, `refreshing the access token failed: ${code}`),
        };
      }
    });
  } catch (error) {
    if (isLockTimeout(error)) {
      throw portalFailure('REFRESH_TIMEOUT', method, 'another process held the refresh lock too long');
    }
    throw error;
  }
  if (outcome.kind === 'failed') throw outcome.error;
  return outcome.token;
}
