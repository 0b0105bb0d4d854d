/**
 * A scripted portal for install confirmations: a `fetch` that answers `app.info` the way the host does
 * (HTTP 200 `{result}` for a token it issued, 401 `invalid_token` otherwise), or misbehaves on purpose.
 * Every request is recorded so tests can see where the server went and what it sent.
 */
import { portal } from './server-fixture.js';

export interface PortalRequest {
  readonly url: string;
  readonly method: string;
  readonly redirect: RequestRedirect | undefined;
  readonly auth: unknown;
}

/** What a scripted portal does with one request. */
export type PortalBehaviour =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly body: string;
      readonly headers?: HeadersInit;
    }
  /** Never answers; settles only when the request is aborted. */
  | { readonly kind: 'hang' }
  /** The connection fails (DNS, refused…). */
  | { readonly kind: 'unreachable' };

export interface ScriptedPortal {
  readonly fetch: typeof fetch;
  readonly requests: PortalRequest[];
}

export function scriptedPortal(behave: (request: PortalRequest) => PortalBehaviour): ScriptedPortal {
  const requests: PortalRequest[] = [];
  const scripted = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    let auth: unknown;
    try {
      auth = (JSON.parse(String(init?.body ?? '{}')) as { auth?: unknown }).auth;
    } catch {
      auth = undefined;
    }
    const request = { url, method: init?.method ?? 'GET', redirect: init?.redirect, auth };
    requests.push(request);
    const behaviour = behave(request);
    if (behaviour.kind === 'unreachable') throw new TypeError('fetch failed');
    if (behaviour.kind === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    return new Response(behaviour.body, {
      status: behaviour.status,
      headers: behaviour.headers ?? { 'Content-Type': 'application/json' },
    });
  };
  return { fetch: scripted as typeof fetch, requests };
}

/** app.info's answer as the host sends it (no member_id, no client_id), plus `extra` fields. */
export function appInfoAnswer(extra: Record<string, unknown> = {}, status = 200): PortalBehaviour {
  const result = {
    ID: 7,
    CODE: 'local.6650f1d2c5a4e1.00000001',
    VERSION: 1,
    STATUS: 'L',
    INSTALLED: false,
    PAYMENT_EXPIRED: 'N',
    DAYS: null,
    LANGUAGE_ID: 'en',
    LICENSE: 'en_project',
    ...extra,
  };
  return { kind: 'answer', status, body: JSON.stringify({ result, time: { start: 0, finish: 0 } }) };
}

export function restError(status: number, error: string, description = ''): PortalBehaviour {
  return { kind: 'answer', status, body: JSON.stringify({ error, error_description: description }) };
}

/**
 * The portals the fixture knows: each accepts only the access tokens it issued. Any other host is
 * unreachable, as it would be for a made-up domain.
 */
export function knownPortals(): Readonly<Record<string, readonly string[]>> {
  return {
    [portal.origin]: [portal.accessToken, 'fresh-access'],
    'https://other.bitrix24.test': ['other-access'],
    'http://127.0.0.1:3000': [portal.accessToken],
  };
}

export function issuedTokensPortal(portals = knownPortals()): ScriptedPortal {
  return scriptedPortal((request) => {
    const origin = new URL(request.url).origin;
    const issued = portals[origin];
    if (issued === undefined) return { kind: 'unreachable' };
    return typeof request.auth === 'string' && issued.includes(request.auth)
      ? appInfoAnswer()
      : restError(401, 'invalid_token', 'The access token provided is invalid.');
  });
}
