/**
 * Builds bench's own pages with the workspace's Vite, with the build settings the apps use (base `./`,
 * target es2022, no source maps): the reference page that only calls `initializeB24Frame()` and the same
 * page with `connect()` from `@imkit/frame`. Output: `bench/dist/<page>/`.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { benchDir, benchDistDir } from '../repo-paths.js';

export const benchPages = ['b24jssdk', 'frame'] as const;
export type BenchPage = (typeof benchPages)[number];

export function benchPageDist(page: BenchPage): string {
  return join(benchDistDir, page);
}

export async function buildBenchPage(page: BenchPage): Promise<string> {
  const outDir = benchPageDist(page);
  await build({
    root: join(benchDir, 'pages', page),
    base: './',
    configFile: false,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  return outDir;
}

export async function buildBenchPages(): Promise<void> {
  for (const page of benchPages) await buildBenchPage(page);
}
