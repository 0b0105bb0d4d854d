/**
 * `startServer(env)`: what `pnpm start` and `imkit serve` run — reads the settings from the environment
 * (see config.ts), opens the installation store, serves the built apps and logs the mounts.
 * `runServerCli(env, log)` wraps it with signal handling (graceful shutdown on SIGTERM/SIGINT) and
 * plain-words errors (no stack traces).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDeclarations } from '@imkit/installer/node';
import { discoverAppMounts } from './app-mounts.js';
import { ConfigError, readServerConfig } from './config.js';
import { createInstallJobs, type InstallJobs } from './jobs/install-jobs.js';
import { portalRestFactory } from './jobs/installation-rest.js';
import { type ListeningServer, listenServer } from './listen.js';
import { createOAuthClient } from './oauth-client.js';
import { createPortalClients, type PortalClients } from './portal/portal-clients.js';
import { createServer, ServerConfigError } from './server.js';
import {
  createServerLifecycle,
  type ServerLifecycle,
  type ShutdownDrain,
  type ShutdownReport,
} from './server-lifecycle.js';
import { type InstallationStore, StoreLockedError } from './store/installation.js';
import { openPgliteInstallationStore } from './store/pglite-store.js';
import { openPostgresInstallationStore } from './store/postgres-store.js';

export interface StartedServer {
  readonly server: ListeningServer;
  readonly store: InstallationStore;
  readonly lifecycle: ServerLifecycle;
  /** The install jobs, when the app's OAuth credentials are configured (they call the portal). */
  readonly jobs: InstallJobs | null;
  /**
   * Registers work to finish at shutdown, before the store closes (the install jobs register theirs);
   * `deadline` aborts when IMKIT_SHUTDOWN_TIMEOUT_MS is reached. Returns its removal.
   */
  onShutdown(name: string, drain: ShutdownDrain): () => void;
  /**
   * Graceful shutdown: `/readyz` turns 503, no new connections, in-flight requests and drains (the install
   * jobs) finish within IMKIT_SHUTDOWN_TIMEOUT_MS (what is still running then is cut off and logged), then
   * the portal clients and the store close. Calling it again waits for the same shutdown.
   */
  close(): Promise<ShutdownReport>;
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
  const store: InstallationStore =
    config.databaseUrl !== null
      ? await openPostgresInstallationStore(config.databaseUrl, {
          cacheSize: config.storeCacheSize,
          timeoutMs: config.storeTimeoutMs,
          // The job queue shares this pool (store.sql).
          poolSize: 10,
          log,
        })
      : await openPgliteInstallationStore(config.storeDir, { cacheSize: config.storeCacheSize });
  const lifecycle = createServerLifecycle();
  let jobs: InstallJobs | null = null;
  let portals: PortalClients | null = null;
  try {
    const { oauth } = config;
    if (oauth !== undefined) {
      const production = config.production;
      portals = createPortalClients({
        store,
        oauth: createOAuthClient({ ...oauth, production }),
        production,
        log,
      });
      jobs = await createInstallJobs({
        store,
        restFor: portalRestFactory(portals),
        declarations: () => loadDeclarations(config.appsDir),
        handlerBase: config.handlerBase.href,
        log,
      });
      await jobs.start();
      const started = jobs;
      lifecycle.onShutdown('install jobs', () =>
        started.stop({ graceful: true, timeoutMs: config.shutdownTimeoutMs }),
      );
    }
  } catch (error) {
    await jobs?.stop({ graceful: false, timeoutMs: 1000 }).catch(() => undefined);
    portals?.close();
    await store.close().catch(() => undefined);
    throw error;
  }
  const closeAll = async () => {
    await jobs?.stop({ graceful: false, timeoutMs: 1000 }).catch(() => undefined);
    portals?.close();
    await store.close();
  };
  const app = createServer({
    ...(jobs ? { jobs } : {}),
    lifecycle,
    log,
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
  let closed: Promise<ShutdownReport> | null = null;
  const close = async (): Promise<ShutdownReport> => {
    const report = await lifecycle.shutdown(config.shutdownTimeoutMs, (timeoutMs) => server.close(timeoutMs));
    portals?.close();
    await store.close();
    const cut = [
      ...(report.cutOffRequests > 0 ? [`${report.cutOffRequests} request(s) cut off`] : []),
      ...report.unfinishedDrains.map((name) => `${name} not drained`),
    ];
    log(
      `imkit server stopped in ${report.elapsedMs} ms${cut.length > 0 ? ` (bound ${config.shutdownTimeoutMs} ms reached: ${cut.join(', ')})` : ''}`,
    );
    return report;
  };
  return {
    server,
    store,
    lifecycle,
    jobs,
    onShutdown: (name, drain) => lifecycle.onShutdown(name, drain),
    close: () => {
      closed ??= close();
      return closed;
    },
  };
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
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${prefix}: ${signal}, shutting down`);
    started.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return null;
}
