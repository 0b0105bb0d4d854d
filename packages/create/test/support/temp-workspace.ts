/**
 * A throw-away copy of the workspace pieces a generated app needs, in the system temp folder: the root
 * configs (pnpm-workspace.yaml, tsconfig.base.json, biome.json, vitest.config.ts), `apps/` with the shared
 * `vite.app-config.ts`, `e2e/` with its tsconfig and node_modules, and `node_modules` linked to this repo's root tools. Apps
 * generated into it get their dependencies linked with `linkWorkspaceDependencies`. Nothing in the repo
 * is touched; `dispose()` removes it all.
 */
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppAnswers, type CreatedApp, createApp } from '../../src/index.js';
import { linkWorkspaceDependencies } from './workspace-links.js';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const copiedFiles = [
  'pnpm-workspace.yaml',
  'tsconfig.base.json',
  'biome.json',
  'vitest.config.ts',
  'apps/vite.app-config.ts',
  'e2e/tsconfig.json',
];

export interface TempWorkspace {
  readonly root: string;
  /** Creates an app with `createApp` and links its dependencies to the repo's installed copies. */
  generate(answers: AppAnswers): Promise<CreatedApp>;
  dispose(): Promise<void>;
}

export async function createTempWorkspace(): Promise<TempWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'imkit-create-'));
  try {
    await mkdir(join(root, 'apps'));
    await mkdir(join(root, 'e2e'));
    for (const file of copiedFiles) await copyFile(join(repoRoot, file), join(root, file));
    await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    await symlink(join(repoRoot, 'e2e/node_modules'), join(root, 'e2e/node_modules'), 'dir');
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    async generate(answers) {
      const created = await createApp(answers, { root });
      await linkWorkspaceDependencies(repoRoot, created.appDir);
      return created;
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
