/**
 * Who is calling: an OAuth application token (`auth` parameter or `Authorization: Bearer`) or an inbound
 * webhook (`/rest/<userId>/<code>/`). Errors as the host answers them.
 */
import { constantTimeEqual } from '@imkit/frame/verify';
import { MethodError } from '../method-error.js';
import { findUser } from '../state/portal-queries.js';
import {
  allScopes,
  type PortalState,
  type PortalToken,
  type PortalUser,
  type Scope,
} from '../state/portal-state.js';

export interface RestAuth {
  readonly kind: 'application' | 'webhook';
  readonly user: PortalUser;
  readonly scopes: readonly Scope[];
  readonly token: PortalToken | null;
}

export const noAuthFound = () => new MethodError(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
const invalidToken = () => new MethodError(401, 'invalid_token', 'The access token provided is invalid.');

/** The token whose access token equals `accessToken`, compared in constant time. */
export function findAccessToken(state: PortalState, accessToken: string): PortalToken | undefined {
  let found: PortalToken | undefined;
  for (const token of state.tokens) {
    if (constantTimeEqual(token.accessToken, accessToken)) found = token;
  }
  return found;
}

export function authenticateToken(state: PortalState, accessToken: string | null): RestAuth {
  if (accessToken === null || accessToken === '') throw noAuthFound();
  const token = findAccessToken(state, accessToken);
  if (token === undefined) throw invalidToken();
  if (token.expires <= Date.now() / 1000)
    throw new MethodError(401, 'expired_token', 'The access token provided has expired.');
  const user = findUser(state, token.userId);
  if (user === undefined) throw invalidToken();
  return { kind: 'application', user, scopes: token.scopes, token };
}

export function authenticateWebhook(state: PortalState, userIdText: string, code: string): RestAuth {
  const userId = /^\d{1,9}$/.test(userIdText) ? Number(userIdText) : 0;
  let match = false;
  for (const hook of state.webhooks) {
    if (hook.userId === userId && constantTimeEqual(hook.code, code)) match = true;
  }
  const user = findUser(state, userId);
  if (!match || user === undefined)
    throw new MethodError(401, 'INVALID_CREDENTIALS', 'Invalid request credentials');
  return { kind: 'webhook', user, scopes: allScopes, token: null };
}

/** The access token of a request: `Authorization: Bearer <token>` or the `auth` parameter. */
export function accessTokenOf(
  authorization: string | undefined,
  params: Record<string, unknown>,
): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (bearer) return bearer[1]!;
  return typeof params.auth === 'string' ? params.auth : null;
}
