/** The OAuth server's fields for a token pair: the `/oauth/token/` answer and the `auth` of app events. */
import type { EmulatorRuntime } from './runtime.js';
import type { PortalToken } from './state/portal-state.js';

export function oauthTokenBody(runtime: EmulatorRuntime, token: PortalToken): Record<string, unknown> {
  const portal = runtime.state.portal;
  return {
    access_token: token.accessToken,
    expires: token.expires,
    expires_in: Math.max(0, token.expires - Math.floor(Date.now() / 1000)),
    scope: token.scopes.join(','),
    domain: runtime.domain,
    server_endpoint: `${runtime.origin}/oauth/rest/`,
    status: 'L',
    client_endpoint: `${runtime.origin}/rest/`,
    member_id: portal.memberId,
    user_id: token.userId,
    refresh_token: token.refreshToken,
  };
}
