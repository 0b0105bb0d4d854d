/**
 * OAuth token refresh, as the Bitrix24 OAuth server (and the emulator's `/oauth/token/`) serve it:
 * `GET <oauthServer>/oauth/token/?grant_type=refresh_token&client_id&client_secret&refresh_token`.
 */
import { RestError } from './rest.js';

export interface RefreshCredentials {
  readonly refreshToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** OAuth server origin, e.g. `https://oauth.bitrix.info` or the emulator's own origin. */
  readonly oauthServer: string;
}

export interface RefreshedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds the new access token lives, when the server says. */
  readonly expiresIn: number | null;
}

function refreshError(code: string, description: string, status: number): RestError {
  return new RestError({ code, description, status, method: 'oauth/token' });
}

/** Exchanges a refresh token for a new token pair. Rejects with a `RestError` naming the server's error. */
export async function refreshOAuthToken(
  credentials: RefreshCredentials,
  options: { readonly fetch?: typeof fetch; readonly timeoutMs?: number } = {},
): Promise<RefreshedTokens> {
  const url = new URL('/oauth/token/', credentials.oauthServer);
  url.search = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    refresh_token: credentials.refreshToken,
  }).toString();
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30000;
  let status = 0;
  let raw: string;
  try {
    const response = await doFetch(url.toString(), { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    raw = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw timedOut
      ? refreshError('TIMEOUT', `the OAuth server did not answer in ${timeoutMs} ms`, 0)
      : refreshError('NETWORK_ERROR', `cannot reach the OAuth server ${url.origin}: ${String(error)}`, 0);
  }
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    throw refreshError('BAD_RESPONSE', `the OAuth server answered HTTP ${status} with no JSON`, status);
  }
  if (typeof data.error === 'string') {
    const description = typeof data.error_description === 'string' ? data.error_description : '';
    throw refreshError(data.error, description, status);
  }
  if (typeof data.access_token !== 'string' || typeof data.refresh_token !== 'string') {
    throw refreshError('BAD_RESPONSE', 'the OAuth answer has no access_token/refresh_token', status);
  }
  const expiresIn = Number(data.expires_in);
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token,
    expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null,
  };
}
