/** The repository's `apps/` folder and the built apps in it. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoAppsDir = fileURLToPath(new URL('../../../../apps/', import.meta.url));

/** `{ <app name>: <apps/<name>/dist> }` for every app that has a built `dist/index.html`. */
export function builtAppDirs(appsDir: string = repoAppsDir): Record<string, string> {
  const dirs: Record<string, string> = {};
  for (const entry of readdirSync(appsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const dist = join(appsDir, entry.name, 'dist');
    if (existsSync(join(dist, 'index.html'))) dirs[entry.name] = dist;
  }
  return dirs;
}
