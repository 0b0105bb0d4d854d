/**
 * The command lines as people type them: pnpm passes a bare `--` through to the script, and every CLI
 * skips it (`pnpm placements -- --help`, `pnpm create-app -- --help`, `pnpm --filter @imkit/emulator
 * start -- …`). The emulator CLI with `--serve-dist --apps-port 0` points its install page at the port
 * the apps origin really got, and its own install leaves one binding per app.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const runTimeoutMs = 60_000;
const readyTimeoutMs = 90_000;
const shutdownTimeoutMs = 15_000;

function startCommand(args: readonly string[]): ChildProcess {
  return spawn('pnpm', [...args], {
    cwd: repoRoot,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // The group has already ended.
  }
}

/** Runs a pnpm command to completion; its process group is killed when it outlives the timeout. */
function runPnpm(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startCommand(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`pnpm ${args.join(' ')} did not exit within ${runTimeoutMs} ms:\n${stderr}`));
    }, runTimeoutMs);
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

test('pnpm placements -- --help and pnpm create-app -- --help print their usage', async () => {
  const placements = await runPnpm(['--silent', 'placements', '--', '--help']);
  expect(placements.stderr).not.toContain('unknown');
  expect(placements.code).toBe(0);
  expect(placements.stdout).toContain('Usage: imkit placements <plan|apply>');

  const create = await runPnpm(['--silent', 'create-app', '--', '--help']);
  expect(create.stderr).toBe('');
  expect(create.code).toBe(0);
  expect(create.stdout).toContain('Usage: npm create imkit@latest');
});

test('pnpm --filter @imkit/emulator start -- --serve-dist --apps-port 0 uses the real apps port', async () => {
  test.setTimeout(readyTimeoutMs + shutdownTimeoutMs + 30_000);
  const child = startCommand([
    '--filter',
    '@imkit/emulator',
    'start',
    '--',
    '--port',
    '0',
    '--fresh',
    '--memory',
    '--serve-dist',
    '--apps-port',
    '0',
  ]);
  let output = '';
  let ended = false;
  const exited = new Promise<void>((resolve) =>
    child.on('close', () => {
      ended = true;
      resolve();
    }),
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    // The CLI's last line once the placements are installed and the legacy sample is registered.
    await expect
      .poll(() => ended || output.includes('legacy chat app registered'), {
        timeout: readyTimeoutMs,
        message: 'the emulator CLI neither got ready nor exited',
      })
      .toBe(true);
    expect(ended, output).toBe(false);
    expect(output).toContain('OK: the portal matches the declarations');
    expect(output).not.toContain('unknown option');
    const portal = /imkit emulator: (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(output);
    const apps = /built apps: +(http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(output);
    expect(portal?.[2], output).not.toBe('0');
    expect(apps?.[2], output).not.toBe('0');
    const portalUrl = portal?.[1] ?? '';
    const appsUrl = apps?.[1] ?? '';

    const state = (await (await fetch(`${portalUrl}emulator/api/state`)).json()) as {
      portal: { installHandler: string | null };
      bindings: { placement: string; handler: string }[];
    };
    expect(state.portal.installHandler).toBe(`${appsUrl}install/`);
    const launch = (await (
      await fetch(`${portalUrl}emulator/api/install-launch`, { method: 'POST' })
    ).json()) as { action: string };
    expect(launch.action.startsWith(`${appsUrl}install/?`)).toBe(true);
    const installPage = await fetch(`${appsUrl}install/`, { method: 'POST' });
    expect(installPage.status).toBe(200);

    // One binding per placement, all on the apps origin this run got.
    expect(state.bindings.length).toBeGreaterThan(0);
    for (const binding of state.bindings) expect(binding.handler.startsWith(appsUrl)).toBe(true);
    const keys = state.bindings.map((b) => `${b.placement} ${b.handler}`);
    expect(new Set(keys).size).toBe(keys.length);
  } finally {
    killGroup(child, 'SIGINT');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), shutdownTimeoutMs)),
    ]);
    if (!stopped) killGroup(child, 'SIGKILL');
  }
});
