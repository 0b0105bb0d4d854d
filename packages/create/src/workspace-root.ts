/**
 * Finds the pnpm workspace the app is created in: the nearest folder at or above the start that holds
 * `pnpm-workspace.yaml`. `pnpm --filter @imkit/create exec` runs in `packages/create`, so the CLI starts
 * from `INIT_CWD` (where the user typed the command) when pnpm sets it.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CreateError } from './create-error.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The workspace root at or above `start`; throws `NO_WORKSPACE` when there is none. */
export function findWorkspaceRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new CreateError(
        'NO_WORKSPACE',
        'dir',
        `no pnpm-workspace.yaml at or above ${resolve(start)}; run this inside the imkit workspace or pass --dir`,
      );
    }
    dir = parent;
  }
}

/** Checks that `root` is a workspace with an `apps/` folder (what `--dir` must point at). */
export function checkWorkspaceRoot(root: string): string {
  const dir = resolve(root);
  if (!existsSync(join(dir, 'pnpm-workspace.yaml')) || !isDirectory(join(dir, 'apps'))) {
    throw new CreateError(
      'NO_WORKSPACE',
      'dir',
      `--dir ${dir} is not a workspace root: it needs pnpm-workspace.yaml and an apps/ folder`,
    );
  }
  return dir;
}
