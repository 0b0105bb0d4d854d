import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeclaration, placementCodes } from '@imkit/frame/placements';
import { afterAll, describe, expect, it } from 'vitest';
import { type CreateIo, detectPackageManager, runCreate } from '../src/index.js';

// Inside the package, so a generated placement.ts resolves @imkit/frame from this workspace.
const scratch = mkdtempSync(join(fileURLToPath(new URL('..', import.meta.url)), '.scratch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function io(cwd: string): CreateIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, env: {}, stdout: (l) => out.push(l), stderr: (l) => err.push(l), out, err };
}

function packsDir(names: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'imkit-packs-'));
  for (const name of names)
    writeFileSync(join(dir, `${name.replace(/^@/, '').replace('/', '-')}-0.1.0.tgz`), '');
  return dir;
}

const allPacks = ['@imkit/frame', '@imkit/emulator', '@imkit/installer', '@imkit/server', '@imkit/cli'];

describe('create-imkit', () => {
  it('writes one app per placement whose placement.ts passes the host rules', async () => {
    const run = io(scratch);
    const args = ['all', '--yes', ...placementCodes.flatMap((code) => ['--placement', code])];
    expect(await runCreate(args, run)).toBe(0);
    const dir = join(scratch, 'all');
    expect(readdirSync(join(dir, 'apps')).sort()).toEqual(
      placementCodes.map((code) => code.toLowerCase().replaceAll('_', '-')).sort(),
    );
    for (const code of placementCodes) {
      const name = code.toLowerCase().replaceAll('_', '-');
      const module = (await import(join(dir, 'apps', name, 'placement.ts'))) as { default: unknown };
      expect(checkDeclaration(module.default as never), code).toEqual([]);
      expect(readFileSync(join(dir, 'e2e', `${name}.spec.ts`), 'utf8')).toContain(`'${code}'`);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.scripts).toMatchObject({
      dev: 'imkit dev',
      start: 'imkit serve',
      placements: 'imkit placements',
    });
    expect(pkg.dependencies['@imkit/frame']).toBe('^0.1.0');
    expect(existsSync(join(dir, '.gitignore'))).toBe(true);
  });

  it('--packages-from makes every imkit package a file: spec, overrides included', async () => {
    const packs = packsDir(allPacks);
    expect(await runCreate(['local', '--yes', '--packages-from', packs], io(scratch))).toBe(0);
    const pkg = JSON.parse(readFileSync(join(scratch, 'local', 'package.json'), 'utf8'));
    expect(pkg.dependencies['@imkit/frame']).toBe(`file:${join(packs, 'imkit-frame-0.1.0.tgz')}`);
    expect(pkg.overrides['@imkit/installer']).toBe(`file:${join(packs, 'imkit-installer-0.1.0.tgz')}`);
  });

  it('--packages-from without a needed tarball names the package; nothing is written', async () => {
    const run = io(scratch);
    const packs = packsDir(allPacks.filter((name) => name !== '@imkit/server'));
    expect(await runCreate(['missing', '--yes', '--packages-from', packs], run)).toBe(2);
    expect(run.err.join('\n')).toContain('has no tarball of @imkit/server');
    expect(existsSync(join(scratch, 'missing'))).toBe(false);
  });

  it('refuses a non-empty folder: exit 2, nothing written', async () => {
    const dir = join(scratch, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const run = io(scratch);
    expect(await runCreate(['busy', '--yes'], run)).toBe(2);
    expect(run.err.join('\n')).toContain('is not empty');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('an unknown placement lists the valid ones: exit 2, no stack trace', async () => {
    const run = io(scratch);
    expect(await runCreate(['bad', '--placement', 'IM_TOOLBAR', '--yes'], run)).toBe(2);
    expect(run.err).toEqual([
      `create-imkit: unknown placement IM_TOOLBAR; valid placements: ${placementCodes.join(', ')}`,
    ]);
    expect(existsSync(join(scratch, 'bad'))).toBe(false);
  });

  it('asks for the folder and the placements without --yes', async () => {
    const answers = ['asked', 'im_navigation, IM_TEXTAREA'];
    const run = { ...io(scratch), ask: async () => answers.shift() ?? '' };
    expect(await runCreate([], run)).toBe(0);
    expect(readdirSync(join(scratch, 'asked', 'apps')).sort()).toEqual(['im-navigation', 'im-textarea']);
  });

  it('detects the package manager from npm_config_user_agent, npm by default', () => {
    expect(detectPackageManager('pnpm/10.34.8 npm/? node/v20.20.2 linux x64')).toBe('pnpm');
    expect(detectPackageManager('yarn/1.22.22 npm/? node/v20.20.2')).toBe('yarn');
    expect(detectPackageManager('npm/10.8.2 node/v20.20.2')).toBe('npm');
    expect(detectPackageManager(undefined)).toBe('npm');
  });
});
