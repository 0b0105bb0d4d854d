/**
 * `startServer(env)`: what `pnpm start` and `imkit serve` run — reads the settings from the environment
 * (see config.ts), opens the installation store, serves the built apps and logs the mounts.
 * `runServerCli(env, log)` wraps it with signal handling and plain-words errors (no stack traces).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDeclarations } from '@imkit/installer/node';
import { discoverAppMounts } from './app-mounts.js';
import { ConfigError, readServerConfig } from './config.js';
import { createInstallJobs, type InstallJobs } from './jobs/install-jobs.js';
import { installationRestFactory } from './jobs/installation-rest.js';
import { type ListeningServer, listenServer } from './listen.js';
import { createServer, ServerConfigError } from './server.js';
import { type InstallationStore, StoreLockedError } from './store/installation.js';
import { openPgliteDriver } from './store/pglite-store.js';
import { openPostgresDriver } from './store/postgres-store.js';
import type { SqlDriver } from './store/sql-driver.js';
import { createSqlInstallationStore } from './store/sql-installation-store.js';

export interface StartedServer {
  readonly server: ListeningServer;
  readonly store: InstallationStore;
  /** The install jobs, when the app's OAuth credentials are configured (they call the portal). */
  readonly jobs: InstallJobs | null;
  /** Stops the HTTP server, then the jobs (running ones get a bounded wait), then closes the store. */
  close(): Promise<void>;
}

export type ServerEnv = Readonly<Record<string, string | undefined>>;

/** Starts the handler server described by `env`; `log` receives the startup lines. */
export async function startServer(
  env: ServerEnv,
  log: (line: string) => void = (line) => console.log(line),
): Promise<StartedServer> {
  const config = readServerConfig(env);
  if (config.databaseUrl === null && config.storeDirIsDefault) {
    // Keep the default local data folder out of git without touching the repo's .gitignore.
    const parent = dirname(config.storeDir);
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, '.gitignore'), '*\n');
  }
  const db: SqlDriver =
    config.databaseUrl !== null
      ? openPostgresDriver(config.databaseUrl, 10)
      : await openPgliteDriver(config.storeDir);
  let store: InstallationStore;
  let jobs: InstallJobs | null = null;
  try {
    store = await createSqlInstallationStore(db);
    const { oauth } = config;
    if (oauth?.clientId !== undefined && oauth.clientSecret !== undefined) {
      jobs = await createInstallJobs({
        db,
        store,
        restFor: installationRestFactory({
          store,
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          ...(oauth.tokenUrl === undefined ? {} : { tokenUrl: oauth.tokenUrl }),
          log,
        }),
        declarations: () => loadDeclarations(config.appsDir),
        handlerBase: config.handlerBase.href,
        log,
      });
      await jobs.start();
    }
  } catch (error) {
    await jobs?.stop({ graceful: false, timeoutMs: 1000 }).catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
  const closeAll = async () => {
    await jobs?.stop({ graceful: true, timeoutMs: 10_000 });
    await store.close();
  };
  const app = createServer({
    ...(jobs ? { jobs } : {}),
    store,
    appsDir: config.appsDir,
    sessionSecret: config.sessionSecret,
    production: config.production,
    basePath: config.handlerBase.pathname,
    ...(config.oauth ? { oauth: config.oauth } : {}),
  });
  let server: ListeningServer;
  try {
    server = await listenServer(app, { port: config.port, host: config.host });
  } catch (error) {
    await closeAll();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new ConfigError(`port ${config.port} on ${config.host} is in use; choose another with PORT=<n>`);
    throw error;
  }
  log(`imkit server on ${server.url} (store: ${config.databaseUrl ? 'PostgreSQL' : config.storeDir})`);
  for (const mount of discoverAppMounts(config.appsDir)) {
    log(`  ${mount.launch.padEnd(9)} ${new URL(mount.path, config.handlerBase).href}`);
  }
  log(`handler base ${config.handlerBase.href}; install events: ${config.handlerBase.href}events`);
  return { server, store, jobs, close: () => server.close().then(closeAll) };
}

/** Starts the server and stops it on SIGINT/SIGTERM; returns the exit code when it cannot start. */
export async function runServerCli(env: ServerEnv, prefix = 'imkit server'): Promise<number | null> {
  let started: StartedServer;
  try {
    started = await startServer(env);
  } catch (error: unknown) {
    if (
      error instanceof ConfigError ||
      error instanceof ServerConfigError ||
      error instanceof StoreLockedError
    ) {
      console.error(`${prefix}: ${error.message}`);
    } else {
      const detail = error instanceof Error ? error.message : JSON.stringify(error);
      console.error(`${prefix} failed to start: ${detail}`);
    }
    return 1;
  }
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    started.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return null;
}
