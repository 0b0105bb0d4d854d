/**
 * The installer's CLI (`packages/installer/src/cli.ts`) as a child process against a fresh emulator:
 * `apply --json` binds the five sample apps' placements in two round trips; a second `apply` changes
 * nothing and sends exactly one request (counted at the emulator's traffic events); `plan` then exits 0.
 * A webhook URL as --portal is a usage error (exit 2, nothing sent); a bad token exits 1 naming the
 * host's error.
 *
 * The first apply runs the documented `pnpm -s placements …` from the repo root; the other runs call
 * `node --import tsx …/cli.ts` directly, because the root script's `pnpm --filter … exec` reports every
 * non-zero exit as 1, which would hide the usage error's 2.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import type { ApplyResult, PlacementPlan } from '@imkit/installer';
import { test as base, expect } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const cliPath = fileURLToPath(new URL('../packages/installer/src/cli.ts', import.meta.url));
const cliTimeoutMs = 30_000;
/** A handler base that is not the CLI's default, so the results prove the flag was used. */
const handlerBase = 'http://127.0.0.1:5999/';
const sampleApps = ['im-context-menu', 'im-navigation', 'im-sidebar', 'im-smiles-selector', 'im-textarea'];

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How the CLI is started: the root `pnpm placements` script, or node with tsx on the source. */
type CliEntry = 'pnpm' | 'node';

const entryCommands: Record<CliEntry, (args: readonly string[]) => [string, string[]]> = {
  pnpm: (args) => ['pnpm', ['--silent', 'placements', ...args]],
  node: (args) => [process.execPath, ['--import', 'tsx', cliPath, ...args]],
};

/** Runs the CLI to completion; its process group is killed when it outlives `cliTimeoutMs`. */
function runInstallerCli(args: readonly string[], entry: CliEntry = 'node'): Promise<CliRun> {
  const [command, commandArgs] = entryCommands[entry](args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: repoRoot,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group ended between the timeout and the kill.
      }
      reject(new Error(`installer CLI ${args.join(' ')} did not exit within ${cliTimeoutMs} ms:\n${stderr}`));
    }, cliTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Collects the REST methods of every HTTP request that reaches the emulator while `run` runs. */
async function countingTraffic<T>(
  emulator: RunningEmulator,
  run: () => Promise<T>,
): Promise<{ result: T; methods: string[] }> {
  const methods: string[] = [];
  const unsubscribe = emulator.runtime.events.subscribe((event) => {
    if (event.name === 'traffic') methods.push((event.data as { method: string }).method);
  });
  try {
    return { result: await run(), methods };
  } finally {
    unsubscribe();
  }
}

function parseJson<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

const test = base.extend<{ emulator: RunningEmulator; adminToken: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  emulator: async ({}, use) => {
    const emulator = await startEmulator({ port: 0, fresh: true, stateFile: null, shell: false });
    try {
      await use(emulator);
    } finally {
      await emulator.close();
    }
  },
  adminToken: async ({ emulator }, use) => use(emulator.applicationToken().access_token),
});

test('apply binds the five apps; a second apply changes nothing in one request; plan exits 0', async ({
  emulator,
  adminToken,
}) => {
  const common = ['--portal', emulator.url, '--access-token', adminToken, '--handler-base', handlerBase];

  const first = await countingTraffic(emulator, () =>
    runInstallerCli(['apply', ...common, '--json'], 'pnpm'),
  );
  expect(first.result.code, first.result.stderr).toBe(0);
  const applied = parseJson<ApplyResult>(first.result);
  expect(applied.ok).toBe(true);
  expect(applied.mismatches).toEqual([]);
  expect(applied.items.map((item) => [item.action, item.status, item.app])).toEqual(
    sampleApps.map((app) => ['bind', 'done', app]),
  );
  expect(applied.items.map((item) => item.handler).sort()).toEqual(
    sampleApps.map((app) => `${handlerBase}${app}/`),
  );
  expect(applied.requests).toBe(2);
  expect(first.methods).toEqual(['placement.get', 'batch']);
  expect(emulator.state.bindings).toHaveLength(5);
  expect(first.result.stderr).toContain('verified: the portal matches the declarations');

  const bound = JSON.stringify(emulator.state.bindings);
  const second = await countingTraffic(emulator, () => runInstallerCli(['apply', ...common, '--json']));
  expect(second.result.code, second.result.stderr).toBe(0);
  const again = parseJson<ApplyResult>(second.result);
  expect(again.ok).toBe(true);
  expect(again.plan.hasChanges).toBe(false);
  expect(again.items.map((item) => [item.action, item.status])).toEqual(
    sampleApps.map(() => ['keep', 'unchanged']),
  );
  expect(again.requests).toBe(1);
  expect(second.methods).toEqual(['placement.get']);
  expect(JSON.stringify(emulator.state.bindings)).toBe(bound);

  const plan = await runInstallerCli(['plan', ...common, '--json']);
  expect(plan.code, plan.stderr).toBe(0);
  const planned = parseJson<PlacementPlan>(plan);
  expect(planned.hasChanges).toBe(false);
  expect(planned.items).toHaveLength(5);

  const table = await runInstallerCli(['plan', ...common]);
  expect(table.code, table.stderr).toBe(0);
  for (const app of sampleApps) expect(table.stdout).toContain(`${handlerBase}${app}/`);
});

test('plan exits 1 while changes are pending', async ({ emulator, adminToken }) => {
  const run = await runInstallerCli([
    'plan',
    '--portal',
    emulator.url,
    '--access-token',
    adminToken,
    '--handler-base',
    handlerBase,
    '--json',
  ]);
  expect(run.code, run.stderr).toBe(1);
  const plan = parseJson<PlacementPlan>(run);
  expect(plan.hasChanges).toBe(true);
  expect(plan.items.map((item) => item.action)).toEqual(sampleApps.map(() => 'bind'));
  expect(emulator.state.bindings).toHaveLength(0);
});

test('a webhook URL as --portal is a usage error that explains the application token', async ({
  emulator,
}) => {
  const webhook = emulator.webhookUrl(1);
  const secret = webhook.split('/').at(-2) ?? '';
  const { result: run, methods } = await countingTraffic(emulator, () =>
    runInstallerCli([
      'apply',
      '--portal',
      webhook,
      '--access-token',
      'unused',
      '--handler-base',
      handlerBase,
    ]),
  );
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toContain('is a webhook URL');
  expect(run.stderr).toContain('application (OAuth) token of a portal admin');
  expect(run.stderr).toContain('Usage: imkit placements');
  expect(secret.length).toBeGreaterThan(0);
  expect(run.stderr).not.toContain(secret);
  expect(run.stdout).toBe('');
  expect(methods).toEqual([]);
});

test('a bad access token exits 1 and names the host error', async ({ emulator }) => {
  const { result: run, methods } = await countingTraffic(emulator, () =>
    runInstallerCli([
      'apply',
      '--portal',
      emulator.url,
      '--access-token',
      'not-a-token',
      '--handler-base',
      handlerBase,
      '--json',
    ]),
  );
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toMatch(/^error: .*invalid_token/m);
  expect(run.stderr).toContain('HTTP 401');
  expect(methods).toEqual(['placement.get']);
  expect(emulator.state.bindings).toHaveLength(0);
});
