import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { issueExampleArgv } from './support/issue-example.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'imkit-create-cli-'));
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  await mkdir(join(root, 'apps'));
  await mkdir(join(root, 'e2e'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

/** Runs the CLI with `lines` as the typed answers (the input then closes). */
async function cli(argv: readonly string[], lines: readonly string[] = [], startDir = root) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  stdin.end(lines.map((line) => `${line}\n`).join(''));
  const code = await runCli(argv, { stdin, stdout, stderr }, startDir);
  return { code, out: out(), err: err() };
}

describe('runCli --yes', () => {
  it('creates the app from flags and prints the files and next commands', async () => {
    const { code, out, err } = await cli(issueExampleArgv);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Created my-app (IM_SIDEBAR, "My app"):');
    expect(out).toContain('  apps/my-app/placement.ts');
    expect(out).toContain('  e2e/my-app.spec.ts');
    for (const next of ['pnpm install', 'pnpm dev', 'pnpm exec vitest run --project my-app', 'pnpm test']) {
      expect(out).toContain(next);
    }
    const placement = await readFile(join(root, 'apps/my-app/placement.ts'), 'utf8');
    expect(placement).toContain("iconName: 'fa-book',");
    expect(placement).toContain("context: 'ALL',");
  });

  it('finds the workspace above the start folder (INIT_CWD) and derives the title', async () => {
    await mkdir(join(root, 'apps', 'sub'));
    const { code } = await cli(
      ['--name', 'menu-tool', '--placement', 'IM_CONTEXT_MENU', '-y'],
      [],
      join(root, 'apps/sub'),
    );
    expect(code).toBe(0);
    expect(await readFile(join(root, 'apps/menu-tool/src/texts.ts'), 'utf8')).toContain(
      "title: 'Menu tool',",
    );
  });

  it.each([
    [['--placement', 'IM_SIDEBAR'], 'INVALID_VALUE (name): --name is required with --yes'],
    [['--name', 'x'], 'INVALID_VALUE (placement): --placement is required with --yes'],
    [['--name', 'x', '--placement', 'IM_NOPE'], 'unknown placement "IM_NOPE"'],
    [['--name', 'x', '--placement', 'IM_SIDEBAR', '--color', 'BLUE'], 'INVALID_VALUE (color)'],
    [['--name', 'x', '--placement', 'IM_NAVIGATION', '--context', 'ALL'], 'not an option of IM_NAVIGATION'],
  ])('refuses %j with exit code 1, writing nothing', async (argv, message) => {
    const { code, err } = await cli([...argv, '--yes']);
    expect(code).toBe(1);
    expect(err).toContain(message);
    expect(readdirSync(join(root, 'apps'))).toEqual([]);
  });

  it('refuses an existing app folder', async () => {
    await mkdir(join(root, 'apps', 'taken'));
    const { code, err } = await cli(['--name', 'taken', '--placement', 'IM_SIDEBAR', '--yes']);
    expect(code).toBe(1);
    expect(err).toBe(
      'create-app: EXISTS (name): apps/taken already exists; choose another --name (nothing was written)\n',
    );
  });

  it('exits 2 on unknown flags and 0 with the usage on --help', async () => {
    expect((await cli(['--nme', 'x'])).code).toBe(2);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: pnpm create-app');
  });

  it('refuses a --dir that is not a workspace', async () => {
    const { code, err } = await cli(['--dir', join(root, 'apps'), '--yes']);
    expect(code).toBe(1);
    expect(err).toContain('NO_WORKSPACE (dir)');
  });
});

describe('runCli interactive', () => {
  it('asks for every value, re-asks on each invalid answer and creates the app', async () => {
    await mkdir(join(root, 'apps', 'taken'));
    const { code, out, err } = await cli(
      ['--dir', root],
      [
        'Bad Name', // refused: not a package name
        'taken', // refused: exists
        'quick-notes',
        'IM_FOO', // refused: unknown placement
        '2', // IM_TEXTAREA
        '', // title: the suggestion "Quick notes"
        'Notes for the open chat',
        '12345', // iconName refused by the host rule
        'fa-sticky-note',
        'maybe', // extranet refused
        '', // extranet N
        'USER;chat', // context refused
        'USER;CHAT',
        '', // role USER
        'BLUE', // color refused
        '', // color: none
        '-1', // height refused
        '420',
        '', // width 360
      ],
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    // Piped answers are not echoed, so each refusal follows its prompt on the same line.
    const refusals = [...out.matchAll(/✗ ([^\n]*)/g)].map((match) => match[1]);
    expect(refusals).toEqual([
      '--name: name "Bad Name" must be lower case (npm package names are)',
      '--name: apps/taken already exists',
      '--placement: unknown placement "IM_FOO"; use one of IM_NAVIGATION, IM_TEXTAREA, IM_SIDEBAR, IM_CONTEXT_MENU, IM_SMILES_SELECTOR',
      expect.stringContaining('--icon (iconName) must be at most 50 characters'),
      expect.stringContaining('--extranet (extranet) must be exactly Y or N, got "maybe"'),
      expect.stringContaining('--context (context)'),
      expect.stringContaining('--color (color)'),
      expect.stringContaining('--height (height) must be a whole number'),
    ]);
    expect(out).toContain('Title [Quick notes]: ');
    expect(out).toContain('Created quick-notes (IM_TEXTAREA, "Quick notes"):');
    const placement = await readFile(join(root, 'apps/quick-notes/placement.ts'), 'utf8');
    expect(placement).toContain(
      [
        '  options: {',
        "    iconName: 'fa-sticky-note',",
        "    extranet: 'N',",
        "    context: 'USER;CHAT',",
        "    role: 'USER',",
        '    height: 420,',
        '    width: 360,',
        '  },',
      ].join('\n'),
    );
  });

  it('asks only for what the flags left out, and re-asks for a flag that was wrong', async () => {
    const { code, out } = await cli(
      ['--dir', root, '--name', 'nav', '--placement', 'IM_NAVIGATION', '--title', 'Nav', '--role', 'ROOT'],
      ['', 'fa-compass', '', 'ADMIN'],
    );
    expect(code).toBe(0);
    expect(out).toContain('✗ --role (role) must be exactly USER or ADMIN, got "ROOT"');
    expect(out).not.toContain('App name');
    expect(await readFile(join(root, 'apps/nav/placement.ts'), 'utf8')).toContain("role: 'ADMIN',");
  });

  it('stops cleanly when the input ends before every answer', async () => {
    const { code, err } = await cli(['--dir', root], ['half-done']);
    expect(code).toBe(1);
    expect(err).toContain('ABORTED');
    expect(readdirSync(join(root, 'apps'))).toEqual([]);
  });

  it('stops cleanly when reading the input fails', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const err = collect(stderr);
    const running = runCli(['--dir', root], { stdin, stdout, stderr }, root);
    setTimeout(() => stdin.destroy(new Error('read failed')), 20);
    expect(await running).toBe(1);
    expect(err()).toContain('ABORTED');
  });

  it('gives up after five wrong answers in a row', async () => {
    const { code, err } = await cli(['--dir', root], ['A', 'B', 'C', 'D', 'E', 'ok']);
    expect(code).toBe(1);
    expect(err).toContain('no valid answer after 5 tries');
  });
});
