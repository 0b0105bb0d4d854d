/**
 * The shell at `/`: files from `packages/emulator/shell/dist`, built with Vite's build API on start when
 * the directory is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { findStaticFile } from './static-files.js';

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
    const file = await findStaticFile(distDir, new URL(c.req.url).pathname);
    if (file === null)
      return c.text('The emulator shell is not built (packages/emulator/shell/dist is missing).', 503);
    return new Response(file.body, {
      headers: { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' },
    });
  });
  return app;
}
