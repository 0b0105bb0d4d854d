/**
 * The shell at `/`: files from `packages/emulator/shell/dist` (`@imkit/server/hosting`'s guarded static
 * files; `index.html` for `/` and every path without an extension), built with Vite's build API on start
 * when the directory is missing.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStaticFile } from '@imkit/server/hosting';
import { Hono } from 'hono';

export const shellDir = fileURLToPath(new URL('../../shell/', import.meta.url));
export const shellDistDir = fileURLToPath(new URL('../../shell/dist/', import.meta.url));
const shellConfig = fileURLToPath(new URL('../../shell/vite.config.ts', import.meta.url));

export class ShellBuildError extends Error {
  override readonly name = 'ShellBuildError';
}

export interface ShellPaths {
  readonly distDir: string;
  readonly configFile: string;
}

const defaultShellPaths: ShellPaths = { distDir: shellDistDir, configFile: shellConfig };

/** Builds the shell with Vite's build API when `<distDir>/index.html` is missing. */
export async function ensureShellBuilt(paths: ShellPaths = defaultShellPaths): Promise<void> {
  const index = join(paths.distDir, 'index.html');
  if (existsSync(index)) return;
  if (!existsSync(paths.configFile))
    throw new ShellBuildError(`the shell is not built and ${paths.configFile} does not exist`);
  const { build } = await import('vite');
  try {
    await build({ configFile: paths.configFile, logLevel: 'warn' });
  } catch (error) {
    throw new ShellBuildError(`building the shell failed: ${(error as Error).message}`);
  }
  if (!existsSync(index)) throw new ShellBuildError(`the shell build did not produce ${index}`);
}

export function shellRoutes(distDir: string = shellDistDir): Hono {
  const app = new Hono();
  app.get('*', async (c) => {
    const path = c.req.path.slice(1);
    const file =
      extname(path) === ''
        ? await serveStaticFile(c, distDir, 'index.html', { pages: true })
        : await serveStaticFile(c, distDir, path);
    if (file !== null) return file;
    if (!existsSync(join(distDir, 'index.html')))
      return c.text('The emulator shell is not built (packages/emulator/shell/dist is missing).', 503);
    return c.text('Not found', 404);
  });
  return app;
}
