/**
 * `pnpm dev`: the emulator (IMKIT_EMULATOR_PORT, default 3000) plus ONE Vite dev server for every app
 * (root `apps/`, each app at `/<name>/`, IMKIT_APPS_PORT, default 5173, HMR on), then the apps'
 * placements installed through the installer and the legacy sample registered. Ctrl-C stops both.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { createServer } from 'vite';
import { repoAppsDir } from './apps-dir.js';
import { parseCliArgs, UsageError } from './cli-args.js';
import { startEmulator } from './index.js';
import { installAppPlacements, registerLegacySample } from './install-apps.js';
import { closeOnSignals } from './shutdown.js';
import { acceptHostPost } from './vite-plugin.js';

function appsPort(): number {
  const text = process.env.IMKIT_APPS_PORT ?? '5173';
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535)
    throw new UsageError(`IMKIT_APPS_PORT must be a port number, got "${text}"`);
  return Number(text);
}

const devUsage = `Usage: pnpm dev [--port <n>] [--fresh] [--state <file> | --memory]
  Starts the emulator (IMKIT_EMULATOR_PORT, default 3000) and one Vite dev server for every app
  (IMKIT_APPS_PORT, default 5173), then installs the apps' placements into the emulated portal.
  --port <n>       portal port
  --fresh          start from seed/portal.json, ignoring the saved state
  --state <file>   state file (default .emulator-state/portal.json)
  --memory         keep the state in memory only
  --help           show this text`;

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    console.log(devUsage);
    return;
  }
  if (args.serveDist)
    throw new UsageError('pnpm dev serves the apps from source; --serve-dist is for the emulator CLI');
  const { port, fresh, stateFile } = args;
  const host = '127.0.0.1';
  const emulator = await startEmulator({
    port,
    host,
    fresh,
    ...(stateFile === undefined ? {} : { stateFile }),
  });
  const vite = await createServer({
    configFile: false,
    root: repoAppsDir,
    appType: 'mpa',
    plugins: [preact(), acceptHostPost({ portalOrigin: emulator.origin })],
    server: { host, port: appsPort(), strictPort: true },
    logLevel: 'warn',
  });
  closeOnSignals(async () => {
    await Promise.all([vite.close(), emulator.close()]);
  });
  await vite.listen();
  // The port Vite really got (IMKIT_APPS_PORT=0 picks any free one).
  const address = vite.httpServer?.address();
  const appsBase = `http://${host}:${typeof address === 'object' && address !== null ? address.port : appsPort()}/`;
  if (existsSync(join(repoAppsDir, 'install'))) emulator.runtime.installHandler = `${appsBase}install/`;
  console.log(`imkit emulator: ${emulator.url}`);
  console.log(`apps (Vite):    ${appsBase}<app>/`);
  try {
    const report = await installAppPlacements(emulator, repoAppsDir, appsBase);
    console.log(report.summary);
    if (!report.ok) console.error('some placements were not installed; see above');
  } catch (error) {
    console.error(`placements not installed: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const legacyId = await registerLegacySample(emulator, repoAppsDir, appsBase);
    if (legacyId !== null) console.log(`legacy chat app registered (APP_ID ${legacyId})`);
  } catch (error) {
    console.error(`legacy sample not registered: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
