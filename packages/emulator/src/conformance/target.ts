/**
 * Where the probes go: a portal's inbound webhook (`https://x.bitrix24.com/rest/1/<code>/`) or a portal
 * URL with an application token. Every request is bounded; the webhook code and the token never appear
 * in `label`, in errors or in the report.
 */
export type AuthKind = 'webhook' | 'application';

export interface RestAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface ConformanceTarget {
  /** The portal origin, with the webhook code hidden. */
  readonly label: string;
  readonly kind: AuthKind;
  call(method: string, params?: Record<string, unknown>): Promise<RestAnswer>;
  /** The same portal and user with a credential the portal refuses. */
  withBadAuth(): ConformanceTarget;
}

export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
  /** 2 when what the user typed is wrong, 1 when the portal could not be probed. */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export const defaultRequestTimeoutMs = 15_000;

interface TargetSpec {
  readonly base: string; // ends with '/', the REST root (…/rest/ or …/rest/1/code/)
  readonly origin: string;
  readonly kind: AuthKind;
  readonly token: string | null;
  readonly timeoutMs: number;
}

function makeTarget(spec: TargetSpec): ConformanceTarget {
  const label = spec.kind === 'webhook' ? `${spec.origin} (webhook)` : `${spec.origin} (application token)`;
  return {
    label,
    kind: spec.kind,
    async call(method, params = {}) {
      const body = spec.token === null ? params : { ...params, auth: spec.token };
      let response: Response;
      try {
        response = await fetch(`${spec.base}${method}.json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(body),
          redirect: 'error',
          signal: AbortSignal.timeout(spec.timeoutMs),
        });
      } catch (error) {
        const why =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${spec.timeoutMs} ms`
            : 'unreachable';
        throw new ConformanceError(`${label}: ${method} ${why}`);
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { notJson: true }; // an HTML error page or a proxy's answer: its shape is the finding
      }
      return { status: response.status, body: parsed };
    },
    withBadAuth() {
      if (spec.kind === 'webhook') {
        const broken = spec.base.replace(/\/rest\/(\d+)\/[^/]+\/$/, '/rest/$1/imkit0conformance0wrong/');
        return makeTarget({ ...spec, base: broken });
      }
      return makeTarget({ ...spec, token: 'imkit-conformance-wrong-token' });
    },
  };
}

/**
 * A target from what the user typed: a webhook URL, or a portal URL plus an application token. For an
 * imkit emulator on loopback without a token, the admin's token is fetched from its private API.
 */
export async function resolveTarget(
  url: string,
  accessToken: string | undefined,
  timeoutMs: number = defaultRequestTimeoutMs,
): Promise<ConformanceTarget> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConformanceError(`--against: "${url}" is not a URL`, 2);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new ConformanceError(`--against: ${parsed.protocol} is not http or https`, 2);
  const webhook = /^\/rest\/(\d+)\/([^/]+)\/?$/.exec(parsed.pathname);
  if (webhook !== null)
    return makeTarget({
      base: `${parsed.origin}/rest/${webhook[1]}/${webhook[2]}/`,
      origin: parsed.origin,
      kind: 'webhook',
      token: null,
      timeoutMs,
    });
  let token = accessToken;
  if (token === undefined) {
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    if (!loopback)
      throw new ConformanceError(
        `--against ${parsed.origin}: give an inbound webhook URL (…/rest/<user>/<code>/) or --access-token <application token>`,
        2,
      );
    token = await emulatorAdminToken(parsed.origin, timeoutMs);
  }
  return makeTarget({
    base: `${parsed.origin}/rest/`,
    origin: parsed.origin,
    kind: 'application',
    token,
    timeoutMs,
  });
}

/** The admin's application token of an imkit emulator (its private API; no such API on a portal). */
export async function emulatorAdminToken(
  origin: string,
  timeoutMs: number = defaultRequestTimeoutMs,
): Promise<string> {
  try {
    const response = await fetch(`${origin}/emulator/api/token?userId=1`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const body = (await response.json()) as { access_token?: unknown };
    if (response.ok && typeof body.access_token === 'string') return body.access_token;
  } catch {
    // reported below
  }
  throw new ConformanceError(
    `${origin} is not an imkit emulator (no /emulator/api/token); pass --access-token <application token>`,
    2,
  );
}
