/**
 * Makes sure the apps bench measures are built and not older than their sources (the app, the frame
 * client and the app kit). A missing or stale `apps/<name>/dist` is rebuilt with the app's own
 * `vite build` (`pnpm --filter ./apps/<name> build`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appsDir, repoRoot } from '../repo-paths.js';
import { runCommand } from '../run-command.js';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The app's dist when it is older than any of its inputs or missing; null when up to date. */
export function isAppBuildStale(app: string): boolean {
  const built = join(appsDir, app, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const inputs = [
    join(appsDir, app, 'src'),
    join(appsDir, app, 'index.html'),
    join(appsDir, app, 'vite.config.ts'),
    join(appsDir, 'vite.app-config.ts'),
    join(repoRoot, 'packages', 'frame', 'src'),
    join(repoRoot, 'packages', 'app-kit', 'src'),
  ];
  const newestInput = Math.max(...inputs.map(newestMtime));
  return newestInput > statSync(built).mtimeMs;
}

export async function ensureAppsBuilt(apps: readonly string[], log: (line: string) => void): Promise<void> {
  for (const app of apps) {
    if (!existsSync(join(appsDir, app))) throw new Error(`bench: apps/${app} does not exist`);
    if (!isAppBuildStale(app)) continue;
    log(`building apps/${app} (dist missing or older than its sources)`);
    await runCommand('pnpm', ['--filter', `./apps/${app}`, 'build'], { cwd: repoRoot, timeoutMs: 180_000 });
  }
}
