/**
 * The Node REST client of the CLI: `createRestClient` from `@imkit/frame` (HTTP-200 errors, batch
 * splitting, one retry after refreshing an expired token) with a server-side token holder that refreshes
 * through the OAuth server. Rate-limit back-off is left to the installer so retries do not multiply.
 */
import { createRestClient } from '@imkit/frame';
import { InstallerError } from './errors.js';
import { applicationTokenHint, isWebhookUrl } from './host-hints.js';
import { refreshOAuthToken } from './oauth-refresh.js';
import { type RestCaller, RestError, type RestErrorInfo, type RestParams, restErrorInfo } from './rest.js';

export interface NodeRestClientOptions {
  /** Portal URL: `https://portal.bitrix24.com`, or `http://127.0.0.1:3000` for a local emulator. */
  readonly portal: string;
  /** An admin's application (OAuth) access token. */
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** OAuth server origin. Default: `https://oauth.bitrix.info` for https portals, the portal itself for http. */
  readonly oauthServer?: string;
  readonly fetch?: typeof fetch;
  /** Per-request timeout in ms. Default 30000. */
  readonly timeoutMs?: number;
  /** Called with the new pair after a refresh, so a caller can store it. */
  readonly onTokens?: (tokens: { accessToken: string; refreshToken: string }) => void;
}

export interface NodeRestClient extends RestCaller {
  /** The access token in use (changes after a refresh). */
  readonly accessToken: () => string;
}

const bitrixOAuthServer = 'https://oauth.bitrix.info';

/** The portal's origin; refuses webhook URLs and anything that is not http(s). */
export function portalOrigin(portal: string): string {
  if (isWebhookUrl(portal)) {
    throw new InstallerError(
      'WEBHOOK_URL',
      `The portal URL "${portal.replace(/(\/rest\/\d+\/)[^/]+/, '$1***')}" is a webhook URL. ${applicationTokenHint}`,
    );
  }
  let url: URL;
  try {
    url = new URL(portal);
  } catch {
    throw new InstallerError(
      'INVALID_OPTIONS',
      `portal "${portal}" is not a URL (https://portal.bitrix24.com)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InstallerError('INVALID_OPTIONS', `portal "${portal}" must be an http(s) URL`);
  }
  return url.origin;
}

export function defaultOAuthServer(origin: string): string {
  return origin.startsWith('http:') ? origin : bitrixOAuthServer;
}

export function createNodeRestClient(options: NodeRestClientOptions): NodeRestClient {
  const origin = portalOrigin(options.portal);
  if (typeof options.accessToken !== 'string' || options.accessToken === '') {
    throw new InstallerError('INVALID_OPTIONS', 'accessToken is required (an admin application token)');
  }
  let accessToken = options.accessToken;
  let refreshToken = options.refreshToken ?? '';
  const { clientId, clientSecret } = options;
  const canRefresh = refreshToken !== '' && !!clientId && !!clientSecret;
  const oauthServer = options.oauthServer ?? defaultOAuthServer(origin);
  let refreshing: Promise<void> | null = null;
  let refreshFailure: RestErrorInfo | null = null;
  const refreshAuth = (): Promise<void> => {
    refreshing ??= refreshOAuthToken(
      { refreshToken, clientId: clientId ?? '', clientSecret: clientSecret ?? '', oauthServer },
      { ...(options.fetch ? { fetch: options.fetch } : {}), timeoutMs: options.timeoutMs ?? 30000 },
    )
      .then((tokens) => {
        accessToken = tokens.accessToken;
        refreshToken = tokens.refreshToken;
        refreshFailure = null;
        options.onTokens?.({ accessToken, refreshToken });
      })
      .catch((error: unknown) => {
        refreshFailure = restErrorInfo(error);
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };
  const rest = createRestClient({
    origin,
    getAuth: () => accessToken,
    ...(canRefresh ? { refreshAuth } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    maxRetries: 0,
    timeout: options.timeoutMs ?? 30000,
  });
  // The shared client rethrows the 401 when the refresh fails; say why the refresh failed instead.
  const explain = (error: unknown): never => {
    const info = restErrorInfo(error);
    if (info?.code === 'expired_token' && refreshFailure !== null) {
      throw new RestError({
        ...info,
        code: 'REFRESH_FAILED',
        description: `the access token expired and refreshing it at ${oauthServer}/oauth/token/ failed: ${refreshFailure.code}${refreshFailure.description ? ` — ${refreshFailure.description}` : ''}`,
      });
    }
    throw error;
  };
  return {
    call: <T>(method: string, params?: RestParams) => rest.call<T>(method, params).catch(explain),
    batch: (commands, batchOptions) => rest.batch(commands, batchOptions).catch(explain),
    accessToken: () => accessToken,
  };
}
