import {
  grantMatches,
  type OAuthClient,
  OAuthError,
  type OAuthFailure,
  type OAuthGrant,
} from './oauth-client.js';
import { Refusal } from './refusal.js';

/**
 * What an `ONAPPINSTALL` claims about itself. Nothing in the event is signed, so before anything is
 * written the claim is proven with the OAuth server (an authority the claimant does not control): the
 * event's refresh token is exchanged there, and the portal the OAuth server names must be the claimed one.
 */
export interface InstallClaim {
  /** `auth[member_id]` as posted. */
  readonly memberId: string;
  /** `auth[domain]`, lower case. */
  readonly domain: string;
  /** The origin of `auth[client_endpoint]` when the event has one (already checked to be on the domain). */
  readonly portalOrigin: string | null;
  /** `auth[refresh_token]`: exchanged once at the OAuth server. */
  readonly refreshToken: string;
}

/** Why a claim was not proven. */
export type InstallDoubt =
  | Exclude<OAuthFailure, 'CLIENT_REJECTED'>
  /** The OAuth server's answer names another portal (member_id, domain or client endpoint) than the claim. */
  | 'IDENTITY_MISMATCH'
  /** The OAuth server refused the app's own client_id/client_secret: this server is misconfigured. */
  | 'CLIENT_REJECTED';

export type InstallConfirmation =
  | { readonly confirmed: true; readonly grant: OAuthGrant }
  | { readonly confirmed: false; readonly reason: InstallDoubt; readonly detail?: string };

/**
 * Proves a claim. Must settle without throwing; `signal` aborts when the server stops waiting. The default
 * is `confirmInstallWithOAuth(oauthClient)`; tests pass a scripted OAuth server.
 */
export type InstallConfirmer = (claim: InstallClaim, signal: AbortSignal) => Promise<InstallConfirmation>;

/** The default confirmer: exchange the event's refresh token at the OAuth server and compare what it names. */
export function confirmInstallWithOAuth(oauth: OAuthClient): InstallConfirmer {
  return async (claim, signal) => {
    try {
      const grant = await oauth.refresh(claim.refreshToken, signal);
      return grantMatches(grant, claim)
        ? { confirmed: true, grant }
        : { confirmed: false, reason: 'IDENTITY_MISMATCH' };
    } catch (error) {
      if (error instanceof OAuthError) {
        return error.detail === undefined
          ? { confirmed: false, reason: error.code }
          : { confirmed: false, reason: error.code, detail: error.detail };
      }
      return { confirmed: false, reason: 'OAUTH_UNAVAILABLE' };
    }
  };
}

export interface InstallConfirmationLimits {
  /** How long the server waits for a confirmation before answering 504. */
  readonly timeoutMs: number;
  /** Confirmations running at once; more is 503 at once (each one is a request to the OAuth server). */
  readonly maxInFlight: number;
  /** Unproven install attempts per minute; past it, installs are refused at once (503) until the minute passes. */
  readonly maxUnprovenPerMinute: number;
  readonly log: (line: string) => void;
}

/** One answer for every claim that is not proven, so the answers tell a stranger nothing about portals. */
const notProven = () =>
  new Refusal(
    403,
    'INSTALL_NOT_PROVEN',
    'The install could not be proven with the OAuth server; nothing was stored.',
  );

function doubtRefusal(reason: InstallDoubt): Refusal {
  switch (reason) {
    case 'GRANT_REJECTED':
    case 'IDENTITY_MISMATCH':
      return notProven();
    case 'OAUTH_TIMEOUT':
      return new Refusal(
        504,
        'OAUTH_TIMEOUT',
        'The OAuth server did not answer in time; nothing was stored.',
      );
    default:
      return new Refusal(
        503,
        'OAUTH_UNAVAILABLE',
        'The install cannot be proven right now; nothing was stored.',
      );
  }
}

/**
 * Wraps a confirmer so that every confirmation is bounded in time and in number, and unproven attempts are
 * capped and logged: resolves with the OAuth grant when the claim is proven, otherwise throws the
 * `Refusal` to answer with.
 */
export function boundedInstallConfirmation(
  confirmer: InstallConfirmer,
  limits: InstallConfirmationLimits,
): (claim: InstallClaim) => Promise<OAuthGrant> {
  let inFlight = 0;
  let windowStart = 0;
  let unproven = 0;
  const underCap = (now: number) => {
    if (now - windowStart >= 60_000) {
      windowStart = now;
      unproven = 0;
    }
    return unproven < limits.maxUnprovenPerMinute;
  };
  return async (claim) => {
    if (!underCap(Date.now())) {
      limits.log(
        `install refused: INSTALL_ATTEMPTS_LIMITED (over ${limits.maxUnprovenPerMinute} unproven a minute)`,
      );
      throw new Refusal(503, 'INSTALL_ATTEMPTS_LIMITED', 'Too many unproven installs; retry later.');
    }
    if (inFlight >= limits.maxInFlight) {
      throw new Refusal(503, 'CONFIRMATIONS_BUSY', 'Too many installs are being confirmed; retry later.');
    }
    inFlight += 1;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<InstallConfirmation>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve({ confirmed: false, reason: 'OAUTH_TIMEOUT' });
      }, limits.timeoutMs);
    });
    try {
      const outcome = await Promise.race([
        confirmer(claim, abort.signal).catch(
          (): InstallConfirmation => ({ confirmed: false, reason: 'OAUTH_UNAVAILABLE' }),
        ),
        timedOut,
      ]);
      if (outcome.confirmed) return outcome.grant;
      unproven += 1;
      const safe = (text: string) => text.replace(/[^\x21-\x7e]/g, '?').slice(0, 128);
      limits.log(
        `install not proven: ${outcome.reason}${outcome.detail ? ` (${safe(outcome.detail)})` : ''} ` +
          `claimed member_id=${safe(claim.memberId)} domain=${safe(claim.domain)}`,
      );
      if (outcome.reason === 'CLIENT_REJECTED') {
        limits.log('server misconfigured: the OAuth server refused IMKIT_CLIENT_ID / IMKIT_CLIENT_SECRET');
      }
      throw doubtRefusal(outcome.reason);
    } finally {
      clearTimeout(timer);
      abort.abort();
      inFlight -= 1;
    }
  };
}
