/**
 * The app's OAuth client: exchanges a refresh token at the OAuth server (never at a portal), which answers
 * with a new token pair and the portal it belongs to (`member_id`, `domain`, `client_endpoint`). That
 * answer is the only authority the server takes a portal's identity from.
 */
import { constantTimeEqual } from '@imkit/frame/verify';
import {
  type OutboundAnswer,
  OutboundError,
  type OutboundPolicy,
  type OutboundRequest,
  outboundRequest,
} from './outbound.js';

/** Bitrix24's OAuth server, as the official SDK uses it (`<server>/oauth/token/`). */
export const defaultOAuthTokenUrl = 'https://oauth.bitrix24.tech/oauth/token/';

export interface OAuthClientOptions {
  /** The token endpoint (`IMKIT_OAUTH_URL`); default `defaultOAuthTokenUrl`. The emulator serves one at `<origin>/oauth/token/`. */
  readonly tokenUrl?: string;
  /** The app's client_id (`IMKIT_CLIENT_ID`). */
  readonly clientId: string;
  /** The app's client_secret (`IMKIT_CLIENT_SECRET`). */
  readonly clientSecret: string;
  readonly production: boolean;
  /** Per exchange, in ms. Default 5000. */
  readonly timeoutMs?: number;
  /** The transport (tests pass a scripted one). Default: `outboundRequest`. */
  readonly request?: (url: URL, request: OutboundRequest, policy: OutboundPolicy) => Promise<OutboundAnswer>;
}

/** A token pair and the portal the OAuth server says it belongs to. */
export interface OAuthGrant {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds; null when not stated. */
  readonly expiresIn: number | null;
  readonly scope: string;
  readonly memberId: string;
  /** Lower case, with a port when not the default. */
  readonly domain: string;
  /** `client_endpoint`'s origin: where the portal's REST API is. */
  readonly portalOrigin: string;
}

/** Why an exchange gave no grant. */
export type OAuthFailure =
  /** The OAuth server refused the refresh token (`invalid_grant`…): used, revoked, or never issued. */
  | 'GRANT_REJECTED'
  /** The OAuth server refused the app's own credentials: the server is misconfigured. */
  | 'CLIENT_REJECTED'
  /** An answer that is not a token grant (HTML, a redirect, missing fields…). */
  | 'NOT_AN_OAUTH_ANSWER'
  | 'OAUTH_UNAVAILABLE'
  | 'OAUTH_TIMEOUT';

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthFailure,
    readonly detail?: string,
  ) {
    super(`oauth: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'OAuthError';
  }
}

export interface OAuthClient {
  readonly tokenUrl: URL;
  /** Exchanges `refreshToken`; throws `OAuthError`. The refresh token is used up by a successful call. */
  refresh(refreshToken: string, signal?: AbortSignal): Promise<OAuthGrant>;
}

const maxAnswerBytes = 64 * 1024;
const hostPattern = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+(?::\d{1,5})?$/i;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function grantOf(body: Readonly<Record<string, unknown>>, production: boolean): OAuthGrant {
  const accessToken = text(body.access_token);
  const refreshToken = text(body.refresh_token);
  const memberId = text(body.member_id);
  const domain = text(body.domain)?.toLowerCase() ?? null;
  const endpoint = text(body.client_endpoint);
  if (
    accessToken === null ||
    refreshToken === null ||
    memberId === null ||
    domain === null ||
    endpoint === null
  ) {
    throw new OAuthError('NOT_AN_OAUTH_ANSWER', 'a grant field is missing');
  }
  let endpointUrl: URL;
  try {
    endpointUrl = new URL(endpoint);
  } catch {
    throw new OAuthError('NOT_AN_OAUTH_ANSWER', 'client_endpoint is not a URL');
  }
  const secure = endpointUrl.protocol === 'https:' || (!production && endpointUrl.protocol === 'http:');
  if (!secure || !hostPattern.test(domain) || endpointUrl.host !== domain) {
    throw new OAuthError('NOT_AN_OAUTH_ANSWER', 'client_endpoint is not on domain');
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken,
    refreshToken,
    expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? Math.floor(expiresIn) : null,
    scope: typeof body.scope === 'string' ? body.scope : '',
    memberId,
    domain,
    portalOrigin: endpointUrl.origin,
  };
}

export function createOAuthClient(options: OAuthClientOptions): OAuthClient {
  const tokenUrl = new URL(options.tokenUrl ?? defaultOAuthTokenUrl);
  const send = options.request ?? outboundRequest;
  const timeoutMs = options.timeoutMs ?? 5000;
  const policy: OutboundPolicy = { production: options.production };
  return {
    tokenUrl,
    async refresh(refreshToken, signal) {
      const body = new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        refresh_token: refreshToken,
      }).toString();
      let answer: OutboundAnswer;
      try {
        answer = await send(
          tokenUrl,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body,
            timeoutMs,
            maxBytes: maxAnswerBytes,
            ...(signal ? { signal } : {}),
          },
          policy,
        );
      } catch (error) {
        if (error instanceof OutboundError && error.code === 'TIMEOUT') throw new OAuthError('OAUTH_TIMEOUT');
        if (error instanceof OutboundError && error.code === 'TOO_LARGE')
          throw new OAuthError('NOT_AN_OAUTH_ANSWER', 'too large');
        throw new OAuthError('OAUTH_UNAVAILABLE');
      }
      if (answer.status >= 500) throw new OAuthError('OAUTH_UNAVAILABLE', `HTTP ${answer.status}`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer.text);
      } catch {
        throw new OAuthError('NOT_AN_OAUTH_ANSWER', `HTTP ${answer.status}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new OAuthError('NOT_AN_OAUTH_ANSWER', `HTTP ${answer.status}`);
      }
      const fields = parsed as Readonly<Record<string, unknown>>;
      const error = text(fields.error);
      if (error !== null) {
        const code = /^[A-Za-z0-9_]{1,64}$/.test(error) ? error : 'error';
        throw new OAuthError(code === 'invalid_client' ? 'CLIENT_REJECTED' : 'GRANT_REJECTED', code);
      }
      if (answer.status !== 200) throw new OAuthError('NOT_AN_OAUTH_ANSWER', `HTTP ${answer.status}`);
      return grantOf(fields, options.production);
    },
  };
}

/** Constant-time check that a grant names the portal a claim names. */
export function grantMatches(
  grant: OAuthGrant,
  claim: { readonly memberId: string; readonly domain: string; readonly portalOrigin: string | null },
): boolean {
  const member = constantTimeEqual(grant.memberId, claim.memberId);
  const domain = constantTimeEqual(grant.domain, claim.domain);
  const origin = claim.portalOrigin === null || constantTimeEqual(grant.portalOrigin, claim.portalOrigin);
  return member && domain && origin;
}
