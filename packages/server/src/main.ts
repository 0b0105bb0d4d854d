/** The Node entry (`pnpm start`): serves the built apps; builds nothing. Settings: see config.ts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverAppMounts } from './app-mounts.js';
import { ConfigError, readServerConfig } from './config.js';
import { listenServer } from './listen.js';
import { createServer, ServerConfigError } from './server.js';
import { type InstallationStore, StoreLockedError } from './store/installation.js';
import { openPgliteInstallationStore } from './store/pglite-store.js';
import { openPostgresInstallationStore } from './store/postgres-store.js';

async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  if (config.databaseUrl === null && config.storeDirIsDefault) {
    // Keep the default local data folder out of git without touching the repo's .gitignore.
    const parent = dirname(config.storeDir);
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, '.gitignore'), '*\n');
  }
  const store: InstallationStore =
    config.databaseUrl !== null
      ? await openPostgresInstallationStore(config.databaseUrl)
      : await openPgliteInstallationStore(config.storeDir);
  const app = createServer({
    store,
    appsDir: config.appsDir,
    sessionSecret: config.sessionSecret,
    production: config.production,
    basePath: config.handlerBase.pathname,
    ...(config.oauth ? { oauth: config.oauth } : {}),
  });
  const server = await listenServer(app, { port: config.port, host: config.host });
  console.log(
    `imkit server on ${server.url} (store: ${config.databaseUrl ? 'PostgreSQL' : config.storeDir})`,
  );
  for (const mount of discoverAppMounts(config.appsDir)) {
    console.log(`  ${mount.launch.padEnd(9)} ${new URL(mount.path, config.handlerBase).href}`);
  }
  console.log(`handler base ${config.handlerBase.href}; install events: ${config.handlerBase.href}events`);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof ServerConfigError ||
    error instanceof StoreLockedError
  ) {
    console.error(`imkit server: ${error.message}`);
  } else {
    const detail = error instanceof Error ? error.message : JSON.stringify(error);
    console.error(`imkit server failed to start: ${detail}`);
  }
  process.exit(1);
});
