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
  /** The app's client_id: install confirmations then require the event's token to be this app's. */
  readonly clientId: string | undefined;
}

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

/**
 * Reads PORT (default 8080), HOST (127.0.0.1), IMKIT_APPS_DIR (the repo's apps/), IMKIT_STORE (PGlite
 * folder, default `.imkit-data/pglite` in the repo), DATABASE_URL, IMKIT_SESSION_SECRET (required, ≥ 32 bytes,
 * when NODE_ENV=production), IMKIT_HANDLER_BASE (default `http://<HOST>:<PORT>/`) and IMKIT_CLIENT_ID
 * (optional; the app's client_id, checked when an install is confirmed with its portal).
 */
export function readServerConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const portText = nonEmpty(env.PORT) ?? '8080';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new ConfigError(`PORT must be a port number (0-65535), got "${portText}"`);
  }
  const port = Number(portText);
  const host = nonEmpty(env.HOST) ?? '127.0.0.1';
  const production = env.NODE_ENV === 'production';
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
  if (clientId !== undefined && !/^[\x21-\x7e]{1,128}$/.test(clientId)) {
    throw new ConfigError('IMKIT_CLIENT_ID must be 1-128 printable characters without spaces');
  }
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
    clientId,
  };
}
