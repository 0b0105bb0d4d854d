/**
 * The conformance kit: shapes and their diff, the emulator against the documented reference set (the
 * offline check of pnpm test), `imkit conformance --against` a second emulator (zero differences), a
 * portal that answers otherwise (differences, exit 1), and bad input (exit 2). Tokens never leak.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformanceCli } from '../src/conformance/conformance-cli.js';
import { probes } from '../src/conformance/probes.js';
import { loadReferenceSet } from '../src/conformance/reference-set.js';
import { compareSides, observeTarget } from '../src/conformance/run-conformance.js';
import { diffShapes, shapeOf } from '../src/conformance/shape.js';
import { resolveTarget } from '../src/conformance/target.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';

describe('shapes', () => {
  it('keeps keys and types, never values', () => {
    expect(shapeOf({ b: [1, 2], a: { ID: '7', ok: true }, n: null, e: [] })).toEqual({
      a: { ID: 'string', ok: 'boolean' },
      b: ['number'],
      e: [],
      n: 'null',
    });
  });

  it('diffs exactly, or only what a documented subset shows', () => {
    const documented = shapeOf({ result: { ID: '1', NAME: 'x' } });
    const observed = shapeOf({ result: { ID: 1, NAME: 'y', EXTRA: '' } });
    expect(diffShapes(documented, observed, 'covers')).toEqual([
      { path: '.result.ID', left: 'string', right: 'number' },
    ]);
    expect(diffShapes(documented, observed, 'exact')).toEqual([
      { path: '.result.EXTRA', left: '(absent)', right: 'string' },
      { path: '.result.ID', left: 'string', right: 'number' },
    ]);
    expect(diffShapes(shapeOf({ result: [] }), shapeOf({ result: [{ a: 1 }] }))).toEqual([]);
  });
});

let emulator: RunningEmulator;
let other: RunningEmulator;
let work: string;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: work,
    env: {},
    stdout: (l: string) => out.push(l),
    stderr: (l: string) => err.push(l),
    out,
    err,
  };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'imkit-conformance-'));
  // Off here: this one emulator answers every probe run of the file, about 60 calls within a second,
  // past the host's burst of 50 (the fresh emulators the CLI starts keep the limit on).
  emulator = await startEmulator({ port: 0, stateFile: null, shell: false, rateLimit: false });
  other = await startEmulator({ port: 0, stateFile: null, shell: false, faults: { fail503Count: 10_000 } });
});

afterAll(async () => {
  await emulator.close();
  await other.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the emulator against the documented reference set', () => {
  it('covers every documented key, type, status and error code of every probe', async () => {
    const reference = loadReferenceSet();
    expect(Object.keys(reference.observations).sort()).toEqual(probes.map((p) => p.id).sort());
    for (const source of Object.values(reference.sources)) expect(source).not.toBe('');
    const target = await resolveTarget(emulator.origin, undefined);
    const narrowToken = await fetch(`${emulator.origin}/emulator/api/token?userId=1&scope=user`).then(
      (r) => r.json() as Promise<{ access_token: string }>,
    );
    const narrow = {
      target: await resolveTarget(emulator.origin, narrowToken.access_token),
      method: 'placement.get',
    };
    const observations = await observeTarget({ target, narrow, allowWrites: true });
    const report = compareSides(reference, { label: 'emulator', observations }, 'covers');
    expect(report.skipped).toEqual({});
    expect(report.differences).toEqual([]);
  });
});

describe('imkit conformance', () => {
  it('reports zero differences between an emulator and a fresh one, and writes no token', async () => {
    const run = io();
    const out = join(work, 'same.json');
    const code = await runConformanceCli(['--against', emulator.origin, '--allow-writes', '--out', out], run);
    expect(run.err.join('\n')).not.toContain('imkit conformance:');
    expect(code).toBe(0);
    expect(run.out.join('\n')).toContain('no differences');
    const written = readFileSync(out, 'utf8');
    const report = JSON.parse(written) as { differences: unknown[]; left: { observations: object } };
    expect(report.differences).toEqual([]);
    expect(Object.keys(report.left.observations)).toHaveLength(probes.length);
    const token = emulator.applicationToken(1).access_token;
    expect(written).not.toContain(token.slice(0, 12));
  });

  it('compares a webhook with a webhook and never prints its code', async () => {
    const hook = emulator.runtime.state.webhooks[0]!;
    const run = io();
    const url = `${emulator.origin}/rest/${hook.userId}/${hook.code}/`;
    const code = await runConformanceCli(['--against', url, '--out', join(work, 'hook.json')], run);
    expect(code).toBe(0);
    const printed = [...run.out, ...run.err].join('\n');
    expect(printed).toContain('(webhook)');
    expect(printed).not.toContain(hook.code);
    expect(readFileSync(join(work, 'hook.json'), 'utf8')).not.toContain(hook.code);
    expect(printed).toContain('skipped placement.bind-twice: writes to the portal; pass --allow-writes');
  });

  it('lists the differences of a portal that answers otherwise, and exits 1', async () => {
    const run = io();
    const token = other.applicationToken(1).access_token;
    const code = await runConformanceCli(
      ['--against', other.origin, '--access-token', token, '--out', join(work, 'differs.json')],
      run,
    );
    expect(code).toBe(1);
    const table = run.out.join('\n');
    expect(table).toMatch(/user\.current status\s+503\s+200/);
    expect(table).toMatch(/user\.current error\s+QUERY_LIMIT_EXCEEDED\s+\(none\)/);
    expect(table).not.toContain(token);
  });

  it('checks a target against the reference set with --reference', async () => {
    const run = io();
    const code = await runConformanceCli(
      ['--against', emulator.origin, '--reference', '--allow-writes'],
      run,
    );
    expect(run.out.join('\n')).toContain('conformance (covers): documented reference');
    expect(code).toBe(0);
  });

  it('refuses bad input with exit 2 and one line naming the option', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /--against <url> is required/],
      [['--against', 'not a url'], /--against: "not a url" is not a URL/],
      [['--against', 'ftp://x.example/'], /is not http or https/],
      [['--against', 'https://portal.example.com/'], /give an inbound webhook URL .* or --access-token/],
      [['--against', emulator.origin, '--timeout-ms', '0'], /--timeout-ms must be an integer/],
      [['--against', emulator.origin, '--reference', '--compare', emulator.origin], /exclude each other/],
      [['--nope'], /Unknown option '--nope'/],
    ];
    for (const [args, message] of cases) {
      const run = io();
      expect(await runConformanceCli(args, run), args.join(' ')).toBe(2);
      expect(run.err.join('\n')).toMatch(message);
      expect(run.err.join('\n')).not.toMatch(/\n\s+at /);
    }
  });
});
