/**
 * Gives an app generated into this repo's `apps/` its `node_modules` without running `pnpm install`
 * (which would rewrite the shared lockfile): each dependency in its package.json is symlinked to the copy
 * the workspace already has — `packages/<x>` for `@imkit/<x>`, otherwise the one a sample app resolves.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, realpath, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

function workspaceCopy(root: string, dependency: string): string | null {
  if (dependency.startsWith('@imkit/')) {
    const dir = join(root, 'packages', dependency.slice('@imkit/'.length));
    return existsSync(dir) ? dir : null;
  }
  for (const app of readdirSync(join(root, 'apps'))) {
    const candidate = join(root, 'apps', app, 'node_modules', dependency);
    if (!app.startsWith('.') && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Links every dependency of `appDir/package.json`; throws naming any the workspace does not have. */
export async function linkWorkspaceDependencies(root: string, appDir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(appDir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  const missing: string[] = [];
  for (const name of names) {
    const source = workspaceCopy(root, name);
    if (!source) {
      missing.push(name);
      continue;
    }
    const target = join(appDir, 'node_modules', name);
    await mkdir(dirname(target), { recursive: true });
    await symlink(await realpath(source), target, 'dir');
  }
  if (missing.length > 0) throw new Error(`the workspace has no installed copy of ${missing.join(', ')}`);
}
