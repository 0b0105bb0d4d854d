/**
 * `pnpm dev` end to end: the real command as a child process (its own process group) on free ports with
 * a fresh throwaway state file (`--fresh --state <tmp>`, so the developer's `.emulator-state` is never
 * touched; the test checks the throwaway file got the bindings). Once it prints
 * its URL and the placement install report, the shell shows all five sample apps in their slots, the
 * sidebar app loads from the Vite dev server and reads the chat over REST, and SIGINT to the process group
 * shuts everything down within a time limit, releasing both ports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const readyTimeoutMs = 90_000;
const shutdownTimeoutMs = 15_000;
const placementCodes = [
  'IM_CONTEXT_MENU',
  'IM_NAVIGATION',
  'IM_SIDEBAR',
  'IM_SMILES_SELECTOR',
  'IM_TEXTAREA',
];

interface ShellBinding {
  readonly id: number;
  readonly placement: string;
  readonly handler: string;
  readonly title: string;
}

function listenOnFreePort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}

/** Two different ports that were free a moment ago (both held open while they are picked). */
async function freePortPair(): Promise<[number, number]> {
  const servers = [createServer(), createServer()] as const;
  try {
    return [await listenOnFreePort(servers[0]), await listenOnFreePort(servers[1])];
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** True when nothing listens on the port any more. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Whether any process of the group still exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A running `pnpm dev`: its combined output, and waits on it that are bounded and fail when it exits. */
class DevRun {
  output = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly child: ChildProcess;
  private readonly watchers = new Set<() => void>();

  constructor(args: readonly string[], env: Record<string, string>) {
    this.child = spawn('pnpm', ['dev', ...args], {
      cwd: repoRoot,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const watcher of this.watchers) watcher();
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      for (const watcher of this.watchers) watcher();
    });
  }

  get pgid(): number {
    if (this.child.pid === undefined) throw new Error('pnpm dev did not start');
    return this.child.pid;
  }

  /** Resolves with the match once the output matches; rejects when the process exits first or time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return this.waitFor(`output ${pattern}`, timeoutMs, () => this.output.match(pattern), true);
  }

  waitForExit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.waitFor('exit', timeoutMs, () => this.exit, false);
  }

  /** Sends a signal to the whole process group (pnpm, its shells, tsx, node), like Ctrl-C in a terminal. */
  signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pgid, signal);
    } catch {
      // Nothing of the group is left.
    }
  }

  private waitFor<T>(
    what: string,
    timeoutMs: number,
    check: () => T | null,
    failOnExit: boolean,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
      };
      const watcher = () => {
        const value = check();
        if (value !== null) {
          done();
          resolve(value);
        } else if (failOnExit && this.exit !== null) {
          done();
          reject(new Error(`pnpm dev exited (${JSON.stringify(this.exit)}) before ${what}:\n${this.output}`));
        }
      };
      const timer = setTimeout(() => {
        this.watchers.delete(watcher);
        reject(new Error(`pnpm dev: no ${what} within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      this.watchers.add(watcher);
      watcher();
    });
  }
}

test('pnpm dev serves the shell with the five sample apps from Vite and stops on SIGINT', async ({
  page,
}) => {
  test.setTimeout(readyTimeoutMs + 90_000);
  const [emulatorPort, appsPort] = await freePortPair();
  const appsBase = `http://127.0.0.1:${appsPort}/`;
  const stateDir = await mkdtemp(join(tmpdir(), 'imkit-dev-state-'));
  const stateFile = join(stateDir, 'portal.json');
  const dev = new DevRun(['--fresh', '--state', stateFile], {
    IMKIT_EMULATOR_PORT: String(emulatorPort),
    IMKIT_APPS_PORT: String(appsPort),
  });
  try {
    const [, url] = await dev.waitForOutput(/^imkit emulator: (\S+)$/m, readyTimeoutMs);
    expect(url).toBe(`http://127.0.0.1:${emulatorPort}/`);
    await dev.waitForOutput(/^OK: the portal matches the declarations/m, 30_000);
    await dev.waitForOutput(/^legacy chat app registered/m, 30_000);
    expect(dev.output).not.toMatch(/placements not installed|some placements were not installed/);

    await page.goto(url ?? '');
    await expect(page.getByTestId('shell')).toHaveAttribute('data-ready', 'true');
    const response = await page.request.get(`${url}emulator/api/state`, { timeout: 10_000 });
    const { bindings } = (await response.json()) as { bindings: ShellBinding[] };
    expect(bindings.map((b) => b.placement).sort()).toEqual(placementCodes);
    for (const binding of bindings) expect(binding.handler.startsWith(appsBase)).toBe(true);
    const entry = (testId: string, code: string) => {
      const binding = bindings.find((b) => b.placement === code);
      if (binding === undefined) throw new Error(`no ${code} binding`);
      return page.locator(`[data-testid="${testId}"][data-binding-id="${binding.id}"]`);
    };
    const titleOf = (code: string) => bindings.find((b) => b.placement === code)?.title ?? code;

    await page.locator('[data-testid="chat-item"][data-dialog-id="chat12"]').click();
    await expect(page.getByTestId('dialog')).toHaveAttribute('data-dialog-id', 'chat12');
    await expect(entry('nav-app', 'IM_NAVIGATION')).toContainText(titleOf('IM_NAVIGATION'));
    await expect(entry('textarea-app', 'IM_TEXTAREA')).toContainText(titleOf('IM_TEXTAREA'));
    await expect(entry('sidebar-app', 'IM_SIDEBAR')).toContainText(titleOf('IM_SIDEBAR'));

    await page.getByTestId('smileys-button').click();
    await expect(page.getByTestId('smiley-selector')).toBeVisible();
    await expect(entry('smiles-app', 'IM_SMILES_SELECTOR')).toHaveText(titleOf('IM_SMILES_SELECTOR'));
    await page.getByTestId('smileys-button').click();
    await expect(page.getByTestId('smiley-selector')).toBeHidden();

    await page.getByTestId('message-menu-button').last().click();
    await page.getByTestId('message-menu').getByText('Create using…').hover();
    await expect(entry('context-menu-app', 'IM_CONTEXT_MENU')).toHaveText(titleOf('IM_CONTEXT_MENU'));
    await page.keyboard.press('Escape');

    await entry('sidebar-app', 'IM_SIDEBAR').click();
    const frameSelector = 'iframe[data-testid="app-frame"][data-placement="IM_SIDEBAR"]';
    const app = page.frameLocator(frameSelector);
    await expect(app.getByRole('heading', { name: 'Product launch' })).toBeVisible({ timeout: 30_000 });
    const frame = await (await page.locator(frameSelector).elementHandle())?.contentFrame();
    const served = await frame?.evaluate(() => ({
      origin: location.origin,
      viteClient: document.querySelector('script[src="/@vite/client"]') !== null,
    }));
    expect(served).toEqual({ origin: appsBase.slice(0, -1), viteClient: true });
    await page.close();

    dev.signal('SIGINT');
    const exit = await dev.waitForExit(shutdownTimeoutMs);
    await expect.poll(() => groupAlive(dev.pgid), { timeout: 5_000 }).toBe(false);
    expect(dev.output).toContain('SIGINT: shutting down…');
    expect(dev.output).not.toMatch(/shutdown took longer|shutdown failed/);
    expect(dev.output).not.toMatch(/Command failed with exit code/);
    // pnpm, interrupted itself, ends by re-raising SIGINT (a shell shows 130), as after Ctrl-C in a terminal.
    expect(exit.signal === 'SIGINT' || exit.code === 0, JSON.stringify(exit)).toBe(true);
    expect(await portIsFree(emulatorPort)).toBe(true);
    expect(await portIsFree(appsPort)).toBe(true);
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { bindings: ShellBinding[] };
    expect(saved.bindings.map((b) => b.handler).sort()).toEqual(bindings.map((b) => b.handler).sort());
  } finally {
    dev.signal('SIGKILL');
    await rm(stateDir, { recursive: true, force: true });
  }
});
