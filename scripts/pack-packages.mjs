#!/usr/bin/env node
/**
 * Packs every publishable package (packages/* without `"private": true`) with `pnpm pack` into one
 * folder, after `pnpm build`. pnpm applies each package's `publishConfig.exports`, so the tarballs point
 * into `dist/` while the workspace keeps reading `src/`.
 *
 * `node scripts/pack-packages.mjs <folder>` (default: a new temp folder) prints one line per tarball.
 * Exported: `publishablePackages()` and `packPackages(dest)` → [{ name, dir, tarball, bytes }].
 * Exit 1 when a package is not built (dist/ missing), 2 on usage errors.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export class PackError extends Error {}

/** `[{ name, dir }]` of every non-private package under packages/. */
export function publishablePackages() {
  const packagesDir = join(repoRoot, 'packages');
  const found = [];
  for (const entry of readdirSync(packagesDir).sort()) {
    const file = join(packagesDir, entry, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (manifest.private === true) continue;
    found.push({ name: manifest.name, dir: join(packagesDir, entry), manifest });
  }
  return found;
}

/** Packs every publishable package into `dest`; returns what was written. */
export function packPackages(dest) {
  mkdirSync(dest, { recursive: true });
  const packed = [];
  for (const { name, dir, manifest } of publishablePackages()) {
    if (!existsSync(join(dir, 'dist')))
      throw new PackError(`${name} is not built (${join(dir, 'dist')} is missing): run pnpm build first`);
    if (name === '@imkit/emulator' && !existsSync(join(dir, 'shell', 'dist', 'index.html')))
      throw new PackError(`${name}: the shell is not built (shell/dist is missing): run pnpm build first`);
    const before = new Set(readdirSync(dest));
    execFileSync('pnpm', ['pack', '--pack-destination', dest], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const created = readdirSync(dest).filter((file) => file.endsWith('.tgz') && !before.has(file));
    const expected = `${name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
    const tarball = created.includes(expected)
      ? expected
      : existsSync(join(dest, expected))
        ? expected
        : null;
    if (tarball === null) throw new PackError(`pnpm pack of ${name} did not write ${expected} into ${dest}`);
    packed.push({
      name,
      dir,
      manifest,
      tarball: join(dest, tarball),
      bytes: statSync(join(dest, tarball)).size,
    });
  }
  return packed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
    console.error('Usage: node scripts/pack-packages.mjs [folder]');
    process.exit(2);
  }
  const dest = args[0] !== undefined ? resolve(args[0]) : mkdtempSync(join(tmpdir(), 'imkit-packs-'));
  try {
    for (const { name, tarball, bytes } of packPackages(dest))
      console.log(`${name.padEnd(20)} ${String(bytes).padStart(8)} B  ${tarball}`);
    console.log(`packed into ${dest}`);
  } catch (error) {
    console.error(error instanceof PackError ? error.message : `packing failed: ${error.message}`);
    process.exit(1);
  }
}
