/**
 * The shell at `/`: files from `packages/emulator/shell/dist`, built with Vite's build API on start when
 * the directory is missing.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { findStaticFile } from './static-files.js';

export const shellDir = fileURLToPath(new URL('../../shell/', import.meta.url));
export const shellDistDir = fileURLToPath(new URL('../../shell/dist/', import.meta.url));
const shellConfig = fileURLToPath(new URL('../../shell/vite.config.ts', import.meta.url));

export class ShellBuildError extends Error {
  override readonly name = 'ShellBuildError';
}

/** Builds the shell when `shell/dist/index.html` is missing. */
export async function ensureShellBuilt(): Promise<void> {
  if (existsSync(`${shellDistDir}index.html`)) return;
  if (!existsSync(shellConfig))
    throw new ShellBuildError(`the shell is not built and ${shellConfig} does not exist`);
  const { build } = await import('vite');
  try {
    await build({ configFile: shellConfig, logLevel: 'warn' });
  } catch (error) {
    throw new ShellBuildError(`building the shell failed: ${(error as Error).message}`);
  }
  if (!existsSync(`${shellDistDir}index.html`))
    throw new ShellBuildError(`the shell build did not produce ${shellDistDir}index.html`);
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
