/**
 * `/oauth/token/`: exchanges a refresh token for a new token pair, answering like the real OAuth server.
 * A refresh token works once; the old access token stays valid until it expires.
 */
import { constantTimeEqual } from '@imkit/frame/verify';
import { type Context, Hono } from 'hono';
import { oauthTokenBody } from '../oauth-token-body.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { PortalToken } from '../state/portal-state.js';
import { mintToken } from '../state/tokens.js';
import { localCors } from './local-cors.js';
import { paramString } from './param-readers.js';
import { readRequestParams } from './read-request-params.js';

function oauthError(status: 400 | 401, error: string, description: string): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

export function oauthRoutes(runtime: EmulatorRuntime): Hono {
  const app = new Hono();
  app.use('*', localCors);
  const exchange = async (c: Context): Promise<Response> => {
    let params: Record<string, unknown>;
    try {
      params = await readRequestParams(c);
    } catch {
      return oauthError(400, 'invalid_request', 'The request body cannot be read');
    }
    if (paramString(params.grant_type) !== 'refresh_token')
      return oauthError(400, 'unsupported_grant_type', 'Only grant_type=refresh_token is supported');
    const portal = runtime.state.portal;
    const clientOk =
      constantTimeEqual(paramString(params.client_id), portal.clientId) &&
      constantTimeEqual(paramString(params.client_secret), portal.clientSecret);
    if (!clientOk) return oauthError(401, 'invalid_client', 'Invalid client credentials');
    const refresh = paramString(params.refresh_token);
    let found: PortalToken | undefined;
    for (const token of runtime.state.tokens) {
      if (constantTimeEqual(token.refreshToken, refresh)) found = token;
    }
    if (found === undefined || found.refreshed || refresh === '') {
      runtime.stats.refreshAnswered(false);
      return oauthError(400, 'invalid_grant', 'Invalid grant');
    }
    found.refreshed = true;
    runtime.stats.refreshAnswered(true);
    const token = mintToken(runtime.state, found.userId, runtime.faults.tokenTtlSeconds, found.scopes);
    runtime.store.save();
    return c.json(oauthTokenBody(runtime, token));
  };
  app.all('/token/', exchange);
  app.all('/token', exchange);
  return app;
}
