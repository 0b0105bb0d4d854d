/** `tsx src/dev/cli.ts`: runs the emulator (and optionally the built apps) until SIGINT/SIGTERM. */

import { startEmulator } from '../index.js';
import { closeOnSignals } from '../shutdown.js';
import { builtAppDirs, repoAppsDir } from './apps-dir.js';
import { cliUsage, parseCliArgs, UsageError } from './cli-args.js';
import { installAppPlacements, registerLegacySample } from './install-apps.js';

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    console.log(cliUsage);
    return;
  }
  const dirs = args.serveDist ? builtAppDirs() : {};
  if (args.serveDist && Object.keys(dirs).length === 0)
    throw new UsageError('--serve-dist: no apps/<name>/dist/index.html found; run `pnpm build` first');
  const emulator = await startEmulator({
    port: args.port,
    host: args.host,
    fresh: args.fresh,
    ...(args.stateFile === undefined ? {} : { stateFile: args.stateFile }),
    // With --apps-port 0 the apps origin's port is known only once it listens: installPage waits for it.
    ...(args.appsPort === null
      ? {}
      : { serveApps: { port: args.appsPort, dirs, ...(dirs.install ? { installPage: 'install' } : {}) } }),
  });
  closeOnSignals(() => emulator.close());
  console.log(`imkit emulator: ${emulator.url}`);
  if (emulator.appsUrl) {
    console.log(`built apps:     ${emulator.appsUrl} (${Object.keys(dirs).join(', ')})`);
    const report = await installAppPlacements(emulator, repoAppsDir, emulator.appsUrl);
    console.log(report.summary);
    const legacyId = await registerLegacySample(emulator, repoAppsDir, emulator.appsUrl);
    if (legacyId !== null) console.log(`legacy chat app registered (APP_ID ${legacyId})`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${cliUsage}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
