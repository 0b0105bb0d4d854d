#!/usr/bin/env node
/**
 * `pnpm test:pack` (after `pnpm build`): packs every publishable package into a temp folder, then runs
 * publint (--strict) and `@arethetypeswrong/cli` (ESM-only profile) on each tarball. Exit 1 on any problem.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackError, packPackages, repoRoot } from './pack-packages.mjs';

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const dest = mkdtempSync(join(tmpdir(), 'imkit-pack-check-'));
let failures = 0;
try {
  const packed = packPackages(dest);
  for (const { name, tarball, manifest } of packed) {
    // Stylesheet entry points have no types to check.
    const cssEntries = Object.entries(manifest.publishConfig?.exports ?? {})
      .filter(([, target]) => typeof target === 'string' && target.endsWith('.css'))
      .map(([entry]) => entry);
    const exclude = cssEntries.length > 0 ? ['--exclude-entrypoints', ...cssEntries] : [];
    for (const [tool, args] of [
      ['publint', [tarball, '--strict']],
      ['attw', [tarball, '--profile', 'esm-only', '--format', 'table-flipped', ...exclude]],
    ]) {
      const run = spawnSync(bin(tool), args, { encoding: 'utf8', timeout: 120_000 });
      const ok = run.status === 0;
      if (!ok) failures++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${tool.padEnd(8)} ${name}`);
      if (!ok) console.log(`${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? run.error.message : ''}`);
    }
  }
} catch (error) {
  console.error(error instanceof PackError ? error.message : `packing failed: ${error.message}`);
  failures++;
} finally {
  rmSync(dest, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`${failures} pack check(s) failed`);
  process.exit(1);
}
console.log('every packed package is clean (publint, attw)');
