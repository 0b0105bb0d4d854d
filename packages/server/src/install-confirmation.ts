import { Refusal } from './refusal.js';

/**
 * What an `ONAPPINSTALL` claims about itself. Nothing in the event is signed, so before it is stored the
 * claim is confirmed with the portal it names (see portal-confirmation.ts).
 */
export interface InstallClaim {
  /** `auth[member_id]` as posted. */
  readonly memberId: string;
  /** `auth[domain]`, lower case. */
  readonly domain: string;
  /** The portal's origin, derived from `auth[domain]` and `auth[client_endpoint]` (already checked to be on the domain). */
  readonly portalOrigin: string;
  /** `auth[access_token]`: the token the portal must accept as its own, for this app. */
  readonly accessToken: string;
}

/** Why a claim was not confirmed. */
export type InstallDoubt =
  /** The portal refused the token (`invalid_token`, `expired_token`, `NO_AUTH_FOUND`…). */
  | 'TOKEN_REJECTED'
  /** The portal names another member_id than the event. */
  | 'MEMBER_MISMATCH'
  /** The token belongs to another app than the server's client_id. */
  | 'CLIENT_MISMATCH'
  /** The answer is not a REST answer (a redirect, HTML, no `result`…). */
  | 'NOT_A_PORTAL_ANSWER'
  /** The portal could not be reached or answered 5xx. */
  | 'PORTAL_UNAVAILABLE'
  /** The portal did not answer in time. */
  | 'PORTAL_TIMEOUT';

export type InstallConfirmation =
  | { readonly confirmed: true }
  | { readonly confirmed: false; readonly reason: InstallDoubt; readonly detail?: string };

/**
 * Confirms a claim with the portal. Must settle without throwing; `signal` aborts when the server stops
 * waiting. The default is `confirmInstallWithPortal()`; tests pass a scripted portal.
 */
export type InstallConfirmer = (claim: InstallClaim, signal: AbortSignal) => Promise<InstallConfirmation>;

export interface InstallConfirmationLimits {
  /** How long the server waits for a confirmation before answering 504. */
  readonly timeoutMs: number;
  /** Confirmations running at once; more is 503 at once (each one is a request to a portal). */
  readonly maxInFlight: number;
}

const refusals: Readonly<Record<InstallDoubt, { status: 403 | 503 | 504; text: string; field: string }>> = {
  TOKEN_REJECTED: {
    status: 403,
    text: 'The portal did not accept the access token',
    field: 'auth[access_token]',
  },
  MEMBER_MISMATCH: { status: 403, text: 'The portal names another member_id', field: 'auth[member_id]' },
  CLIENT_MISMATCH: {
    status: 403,
    text: 'The access token belongs to another app',
    field: 'auth[access_token]',
  },
  NOT_A_PORTAL_ANSWER: { status: 403, text: 'The domain did not answer as a portal', field: 'auth[domain]' },
  PORTAL_UNAVAILABLE: { status: 503, text: 'The portal could not be reached', field: 'auth[domain]' },
  PORTAL_TIMEOUT: { status: 504, text: 'The portal did not answer in time', field: 'auth[domain]' },
};

/** The refusal an unconfirmed install gets: 403 for a claim the portal disowns, 503/504 when it cannot tell. */
export function installDoubtRefusal(reason: InstallDoubt, detail?: string): Refusal {
  const { status, text, field } = refusals[reason];
  return new Refusal(status, reason, `${text}${detail ? ` (${detail})` : ''}; nothing was stored.`, field);
}

/**
 * Wraps a confirmer so that every confirmation is bounded in time and in number: resolves when the portal
 * confirms the claim, otherwise throws the `Refusal` to answer with.
 */
export function boundedInstallConfirmation(
  confirmer: InstallConfirmer,
  limits: InstallConfirmationLimits,
): (claim: InstallClaim) => Promise<void> {
  let inFlight = 0;
  return async (claim) => {
    if (inFlight >= limits.maxInFlight) {
      throw new Refusal(503, 'CONFIRMATIONS_BUSY', 'Too many installs are being confirmed; retry later.');
    }
    inFlight += 1;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<InstallConfirmation>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve({ confirmed: false, reason: 'PORTAL_TIMEOUT' });
      }, limits.timeoutMs);
    });
    try {
      const outcome = await Promise.race([
        confirmer(claim, abort.signal).catch(
          (): InstallConfirmation => ({ confirmed: false, reason: 'PORTAL_UNAVAILABLE' }),
        ),
        timedOut,
      ]);
      if (!outcome.confirmed) throw installDoubtRefusal(outcome.reason, outcome.detail);
    } finally {
      clearTimeout(timer);
      abort.abort();
      inFlight -= 1;
    }
  };
}
