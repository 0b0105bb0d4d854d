import { fileURLToPath } from 'node:url';

/** The Node entry's settings, read from the environment. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly appsDir: string;
  /** PostgreSQL connection string; when set, it is used instead of PGlite. */
  readonly databaseUrl: string | null;
  /** PGlite data folder. */
  readonly storeDir: string;
  /** True when storeDir is the default `.imkit-data/pglite` in the repo (which keeps itself out of git). */
  readonly storeDirIsDefault: boolean;
  readonly sessionSecret: string | undefined;
  readonly production: boolean;
  /** Public URL of the handler base, such as `https://apps.example.com/chat/`. */
  readonly handlerBase: URL;
  /** Bound of a graceful shutdown (in-flight requests, drains), in ms: IMKIT_SHUTDOWN_TIMEOUT_MS. */
  readonly shutdownTimeoutMs: number;
  /** Installations cached per process (IMKIT_STORE_CACHE_SIZE); 0 turns the cache off. */
  readonly storeCacheSize: number;
  /** Bound of each store connect and query, in ms (IMKIT_STORE_TIMEOUT_MS); then 503 STORE_UNAVAILABLE. */
  readonly storeTimeoutMs: number;
  /** The app's OAuth credentials; every install is proven with them. Required in production. */
  readonly oauth:
    | { readonly clientId: string; readonly clientSecret: string; readonly tokenUrl?: string }
    | undefined;
}

/** NODE_ENV values that mean development; `production` means production; anything else is refused. */
const developmentModes = new Set(['', 'development', 'dev', 'test']);

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integerSetting(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = nonEmpty(env[name]);
  if (text === undefined) return fallback;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${text.slice(0, 40)}"`);
  }
  return value;
}

/**
 * Reads PORT (default 8080), HOST (127.0.0.1), IMKIT_APPS_DIR (the repo's apps/), IMKIT_STORE (PGlite
 * folder, default `.imkit-data/pglite` in the repo), DATABASE_URL, IMKIT_SESSION_SECRET (required, ≥ 32 bytes,
 * when NODE_ENV=production), IMKIT_HANDLER_BASE (default `http://<HOST>:<PORT>/`), IMKIT_CLIENT_ID and
 * IMKIT_CLIENT_SECRET (the app's OAuth credentials; installs are proven with them; required in production)
 * and IMKIT_OAUTH_URL (the OAuth token endpoint), IMKIT_SHUTDOWN_TIMEOUT_MS (10 000), IMKIT_STORE_CACHE_SIZE
 * (1000) and IMKIT_STORE_TIMEOUT_MS (5000). Every process of one deployment must get the same secrets:
 * nothing secret is generated per process in production. NODE_ENV must be exactly `production`, or a development
 * value (unset, `development`, `dev`, `test`); anything else is refused.
 */
export function readServerConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const portText = nonEmpty(env.PORT) ?? '8080';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new ConfigError(`PORT must be a port number (0-65535), got "${portText}"`);
  }
  const port = Number(portText);
  const host = nonEmpty(env.HOST) ?? '127.0.0.1';
  const mode = env.NODE_ENV ?? '';
  if (mode !== 'production' && !developmentModes.has(mode)) {
    throw new ConfigError(
      `NODE_ENV="${mode.replace(/[^\x20-\x7e]/g, '?').slice(0, 40)}" is ambiguous: set exactly "production" ` +
        '(https portals only, secrets required) or "development" / "test" / nothing',
    );
  }
  const production = mode === 'production';
  const sessionSecret = nonEmpty(env.IMKIT_SESSION_SECRET);
  if (production && sessionSecret === undefined) {
    throw new ConfigError(
      'IMKIT_SESSION_SECRET is required when NODE_ENV=production (at least 32 random bytes, e.g. `openssl rand -base64 48`)',
    );
  }
  if (sessionSecret !== undefined && Buffer.byteLength(sessionSecret, 'utf8') < 32) {
    throw new ConfigError('IMKIT_SESSION_SECRET must be at least 32 bytes long');
  }
  const baseText =
    nonEmpty(env.IMKIT_HANDLER_BASE) ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  let handlerBase: URL;
  try {
    handlerBase = new URL(baseText);
  } catch {
    throw new ConfigError(`IMKIT_HANDLER_BASE must be an absolute URL, got "${baseText}"`);
  }
  if (handlerBase.protocol !== 'https:' && handlerBase.protocol !== 'http:') {
    throw new ConfigError('IMKIT_HANDLER_BASE must be an http(s) URL');
  }
  if (handlerBase.search !== '' || handlerBase.hash !== '') {
    throw new ConfigError('IMKIT_HANDLER_BASE must not have a query or fragment');
  }
  if (!handlerBase.pathname.endsWith('/')) handlerBase.pathname += '/';
  const clientId = nonEmpty(env.IMKIT_CLIENT_ID);
  const clientSecret = nonEmpty(env.IMKIT_CLIENT_SECRET);
  for (const [name, value] of [
    ['IMKIT_CLIENT_ID', clientId],
    ['IMKIT_CLIENT_SECRET', clientSecret],
  ] as const) {
    if (value !== undefined && !/^[\x21-\x7e]{1,256}$/.test(value)) {
      throw new ConfigError(`${name} must be 1-256 printable characters without spaces`);
    }
  }
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    throw new ConfigError('IMKIT_CLIENT_ID and IMKIT_CLIENT_SECRET go together: set both or neither');
  }
  if (production && clientId === undefined) {
    throw new ConfigError(
      'IMKIT_CLIENT_ID and IMKIT_CLIENT_SECRET are required when NODE_ENV=production: installs are proven with them',
    );
  }
  const tokenUrl = nonEmpty(env.IMKIT_OAUTH_URL);
  if (tokenUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(tokenUrl);
    } catch {
      throw new ConfigError(`IMKIT_OAUTH_URL must be an absolute URL, got "${tokenUrl}"`);
    }
    if (url.protocol !== 'https:' && (production || url.protocol !== 'http:')) {
      throw new ConfigError(`IMKIT_OAUTH_URL must be ${production ? 'https' : 'an http(s) URL'}`);
    }
  }
  const oauth =
    clientId !== undefined && clientSecret !== undefined
      ? { clientId, clientSecret, ...(tokenUrl === undefined ? {} : { tokenUrl }) }
      : undefined;
  return {
    port,
    host,
    appsDir: nonEmpty(env.IMKIT_APPS_DIR) ?? `${repoRoot}apps`,
    databaseUrl: nonEmpty(env.DATABASE_URL) ?? null,
    storeDir: nonEmpty(env.IMKIT_STORE) ?? `${repoRoot}.imkit-data/pglite`,
    storeDirIsDefault: nonEmpty(env.IMKIT_STORE) === undefined,
    sessionSecret,
    production,
    handlerBase,
    shutdownTimeoutMs: integerSetting(env, 'IMKIT_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    storeCacheSize: integerSetting(env, 'IMKIT_STORE_CACHE_SIZE', 1000, 0, 1_000_000),
    storeTimeoutMs: integerSetting(env, 'IMKIT_STORE_TIMEOUT_MS', 5000, 1, 600_000),
    oauth,
  };
}
