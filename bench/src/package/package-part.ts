/**
 * Part 6, packages: the packed size of every publishable package (`pnpm pack`, after `pnpm build`), and
 * the wall time of `npm install` in a project `create-imkit` made from those tarballs (`--packages-from`),
 * outside the workspace, with npm only. No reference: these are figures to watch, not ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages } from '../../../scripts/pack-packages.mjs';
import { createImkitArgs, npmOnlyEnv, runBounded } from '../../../scripts/run-bounded.mjs';
import type { Figure } from '../figure.js';

const run = (command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<string> =>
  runBounded(command, args, cwd, timeoutMs, npmOnlyEnv);

export async function runPackagePart(log: (line: string) => void): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), 'imkit-bench-packages-'));
  try {
    const packs = join(work, 'packs');
    log('package: packing every publishable package');
    const packed = packPackages(packs);
    const figures: Figure[] = packed.map(({ name, bytes }) => ({
      part: 'package',
      figure: `${name} packed size`,
      unit: 'KB',
      ours: Math.round(bytes / 102.4) / 10,
      reference: null,
      referenceName: '—',
      note: 'pnpm pack tarball (dist, sources for the maps, README)',
    }));
    const create = packed.find((p) => p.name === 'create-imkit');
    if (create === undefined) throw new Error('package: create-imkit was not packed');
    log('package: create-imkit my-app --packages-from <packs>');
    await run('npx', createImkitArgs(create.tarball, 'my-app', ['IM_SIDEBAR'], packs), work, 180_000);
    log('package: npm install in the generated project');
    const started = performance.now();
    await run('npm', ['install'], join(work, 'my-app'), 600_000);
    const seconds = (performance.now() - started) / 1000;
    figures.push({
      part: 'package',
      figure: 'generated project npm install',
      unit: 's',
      ours: Math.round(seconds * 10) / 10,
      reference: null,
      referenceName: '—',
      note: 'create-imkit --placement IM_SIDEBAR from local tarballs; the npm cache is warm after the first run',
    });
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
