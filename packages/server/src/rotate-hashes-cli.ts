/**
 * `pnpm --filter @imkit/server rotate-hashes [--older-than 30d]`: rotates the legacy chat apps' HASHes older
 * than the window (default IMKIT_HASH_MAX_AGE or 30d) with the same settings as `pnpm start`. Run it on a
 * schedule (cron, a systemd timer) until the server has a job system.
 */

import { rotateChatAppHashes } from './chat-app-hash-rotation.js';
import { ConfigError, readServerConfig } from './config.js';
import { createOAuthClient } from './oauth-client.js';
import { createPortalClients } from './portal/portal-clients.js';
import { openPgliteInstallationStore } from './store/pglite-store.js';
import { openPostgresInstallationStore } from './store/postgres-store.js';

const units: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

export function parseWindow(text: string): number {
  const match = /^(\d{1,7})([smhd])$/.exec(text.trim());
  if (!match) throw new ConfigError(`the window "${text}" is not a duration such as 30d, 12h or 90m`);
  return Number(match[1]) * (units[match[2] ?? 's'] ?? 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.includes('--help')) {
    console.log('usage: rotate-hashes [--older-than <30d|12h|90m|600s>]  (settings: as pnpm start)');
    return;
  }
  const at = args.indexOf('--older-than');
  const windowText = at >= 0 ? (args[at + 1] ?? '') : (process.env.IMKIT_HASH_MAX_AGE ?? '30d');
  const olderThanSeconds = parseWindow(windowText);
  const config = readServerConfig(process.env);
  if (config.oauth === undefined) {
    throw new ConfigError('IMKIT_CLIENT_ID and IMKIT_CLIENT_SECRET are needed to call the portals');
  }
  const store =
    config.databaseUrl !== null
      ? await openPostgresInstallationStore(config.databaseUrl)
      : await openPgliteInstallationStore(config.storeDir);
  try {
    const portals = createPortalClients({
      store,
      oauth: createOAuthClient({ ...config.oauth, production: config.production }),
      production: config.production,
    });
    const report = await rotateChatAppHashes({
      store,
      portals,
      olderThanSeconds,
      log: (line) => console.log(line),
    });
    console.log(`rotated ${report.rotated.length}, failed ${report.failed.length}`);
    if (report.failed.length > 0) process.exitCode = 1;
    portals.close();
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`rotate-hashes: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
