/**
 * A scripted OAuth server for install proofs: a transport (`request`) that answers refresh-token exchanges
 * the way the OAuth server does — a grant naming the portal that issued the refresh token, each refresh
 * token good once — or misbehaves on purpose. Every request is recorded.
 */
import type { OutboundAnswer, OutboundPolicy, OutboundRequest } from '../src/outbound.js';
import { OutboundError } from '../src/outbound.js';

export interface ScriptedPortal {
  readonly memberId: string;
  readonly domain: string;
  readonly origin: string;
}

export type OAuthBehaviour =
  | { readonly kind: 'grant' }
  | { readonly kind: 'answer'; readonly status: number; readonly body: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'unreachable' };

export interface ScriptedOAuth {
  readonly request: (url: URL, request: OutboundRequest, policy: OutboundPolicy) => Promise<OutboundAnswer>;
  readonly requests: { url: string; params: URLSearchParams }[];
  /** Issues a refresh token of `portal`, as its ONAPPINSTALL would carry. */
  issue(portal: ScriptedPortal): string;
  behaviour: OAuthBehaviour;
}

export function scriptedOAuth(): ScriptedOAuth {
  const issued = new Map<string, ScriptedPortal>();
  let counter = 0;
  const requests: { url: string; params: URLSearchParams }[] = [];
  const oauth: ScriptedOAuth = {
    behaviour: { kind: 'grant' },
    requests,
    issue(portal) {
      counter += 1;
      const token = `refresh-${counter}-${Math.random().toString(36).slice(2, 10)}`;
      issued.set(token, portal);
      return token;
    },
    async request(url, request) {
      const params = new URLSearchParams(request.body ?? '');
      requests.push({ url: url.href, params });
      const behaviour = oauth.behaviour;
      if (behaviour.kind === 'unreachable') throw new OutboundError('NETWORK_ERROR', 'unreachable');
      if (behaviour.kind === 'hang') {
        return new Promise<OutboundAnswer>((_, reject) => {
          request.signal?.addEventListener('abort', () => reject(new OutboundError('TIMEOUT', 'aborted')), {
            once: true,
          });
        });
      }
      if (behaviour.kind === 'answer') return { status: behaviour.status, headers: {}, text: behaviour.body };
      const json = (status: number, body: object) => ({ status, headers: {}, text: JSON.stringify(body) });
      if (params.get('client_id') !== 'app.client' || params.get('client_secret') !== 'app-secret') {
        return json(401, { error: 'invalid_client', error_description: 'Invalid client credentials' });
      }
      const refresh = params.get('refresh_token') ?? '';
      const portal = issued.get(refresh);
      if (params.get('grant_type') !== 'refresh_token' || portal === undefined) {
        return json(400, { error: 'invalid_grant', error_description: 'Invalid grant' });
      }
      issued.delete(refresh);
      const next = oauth.issue(portal);
      return json(200, {
        access_token: `access-${next}`,
        refresh_token: next,
        expires_in: 3600,
        scope: 'imbot,placement',
        domain: portal.domain,
        server_endpoint: 'https://oauth.example.test/rest/',
        client_endpoint: `${portal.origin}/rest/`,
        member_id: portal.memberId,
        status: 'L',
      });
    },
  };
  return oauth;
}
