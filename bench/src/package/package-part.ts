/**
 * Part 6, packages: the packed size of every publishable package (`pnpm pack`, after `pnpm build`), and
 * the wall time of `npm install` in a project `create-imkit` made from those tarballs (`--packages-from`),
 * outside the workspace, with npm only. No reference: these are figures to watch, not ratios.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages } from '../../../scripts/pack-packages.mjs';
import type { Figure } from '../figure.js';

function run(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        npm_config_user_agent: '',
        INIT_CWD: '',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-2000)}`));
    });
  });
}

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
    await run(
      'npx',
      [
        '--yes',
        '--package',
        create.tarball,
        'create-imkit',
        'my-app',
        '--placement',
        'IM_SIDEBAR',
        '--yes',
        '--packages-from',
        packs,
      ],
      work,
      180_000,
    );
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
