/**
 * Writes a rendered app so that nothing half-written is ever left: every file goes into a hidden staging
 * folder next to the target (`apps/.<name>.creating-…`, which the installer and the emulator skip), then
 * the folder is renamed into place and the e2e spec hard-linked into `e2e/` (a link never overwrites).
 * Any failure removes what was placed and the staging folder.
 */
import { existsSync, statSync } from 'node:fs';
import { link, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { CreateError } from './create-error.js';
import type { RenderedApp } from './render-app.js';

export interface WrittenApp {
  readonly appDir: string;
  /** The e2e spec's path, or null when the workspace has no `e2e/` folder. */
  readonly e2eFile: string | null;
  /** Every written file, relative to the workspace root, sorted. */
  readonly files: readonly string[];
}

/** Where an app named `name` goes, and whether anything is already there. */
export function appTargets(root: string, name: string) {
  const e2eDir = join(root, 'e2e');
  const hasE2e = existsSync(e2eDir) && statSync(e2eDir).isDirectory();
  return {
    appDir: join(root, 'apps', name),
    e2eFile: hasE2e ? join(e2eDir, `${name}.spec.ts`) : null,
  };
}

/** The first of the app folder, its e2e spec or a package of that name that already exists, or null. */
export function takenPath(root: string, name: string): string | null {
  const { appDir, e2eFile } = appTargets(root, name);
  const taken = [appDir, e2eFile, join(root, 'packages', name)].find(
    (path) => path !== null && existsSync(path),
  );
  return taken ?? null;
}

/** Refuses with `EXISTS` (field `name`) when `takenPath` finds something. */
export function refuseExisting(root: string, name: string): void {
  const taken = takenPath(root, name);
  if (taken) {
    throw new CreateError(
      'EXISTS',
      'name',
      `${relative(root, taken)} already exists; choose another --name (nothing was written)`,
    );
  }
}

async function stage(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
  }
}

export async function writeApp(root: string, name: string, rendered: RenderedApp): Promise<WrittenApp> {
  refuseExisting(root, name);
  const { appDir, e2eFile } = appTargets(root, name);
  const staging = await mkdtemp(join(root, 'apps', `.${name}.creating-`)).catch((error: unknown) => {
    throw new CreateError('WRITE_FAILED', 'dir', `cannot write into ${join(root, 'apps')}: ${String(error)}`);
  });
  let placedDir = false;
  let placedSpec = false;
  try {
    await stage(join(staging, 'app'), rendered.appFiles);
    await writeFile(join(staging, 'e2e.spec.ts'), rendered.e2eSpec, { flag: 'wx' });
    // mkdir fails if the folder appeared meanwhile; the rename then replaces only our own empty folder.
    await mkdir(appDir);
    placedDir = true;
    await rename(join(staging, 'app'), appDir);
    if (e2eFile) {
      await link(join(staging, 'e2e.spec.ts'), e2eFile);
      placedSpec = true;
    }
  } catch (error) {
    if (placedSpec && e2eFile) await rm(e2eFile, { force: true });
    if (placedDir) await rm(appDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code === 'EEXIST' ? 'EXISTS' : 'WRITE_FAILED';
    throw new CreateError(
      code,
      'name',
      `could not write ${relative(root, appDir)}: ${reason} (nothing was left)`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const files = [
    ...Object.keys(rendered.appFiles).map((path) => relative(root, join(appDir, path))),
    ...(e2eFile ? [relative(root, e2eFile)] : []),
  ].sort();
  return { appDir, e2eFile, files };
}

/** Removes an app the scaffolder wrote (tests): renames it aside first so readers never see half of it. */
export async function removeApp(written: WrittenApp): Promise<void> {
  if (written.e2eFile) await rm(written.e2eFile, { force: true });
  if (!existsSync(written.appDir)) return;
  const aside = `${dirname(written.appDir)}/.removing-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await rename(written.appDir, aside);
  await rm(aside, { recursive: true, force: true });
}
