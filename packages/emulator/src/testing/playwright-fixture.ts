/**
 * `@imkit/emulator/fixture`: Playwright fixtures for end-to-end tests against the emulator.
 *
 * - `portal`: a fresh emulator per test (port 0, memory-only state, rate limit off, install finished
 *   unless `installed: false`, then `apps/install` is the install page)
 *   serving every built app (`apps/<name>/dist` with a `placement.ts`) and the `testPages` on the apps
 *   origin, with the apps' placements bound (`placementBinder`) plus any `extraPlacements`.
 * - `shell`: the shell opened in the page, with `openChat`, `switchUser`, `openPlacement`, `frameOf`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlacementCode, PlacementDeclaration } from '@imkit/frame/placements';
import { toBindParams } from '@imkit/frame/placements';
import {
  type AppDeclaration,
  applyPlacements,
  createNodeRestClient,
  loadDeclarations,
} from '@imkit/installer/node';
import {
  test as base,
  expect,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test';
import { type DevAids, type Faults, type RunningEmulator, startEmulator } from '../index.js';
import { defaultRateLimit, type RateLimit } from '../portal/leaky-bucket.js';

export { expect };

// In this repository: its apps/. In a project that installed the package: IMKIT_APPS_DIR or ./apps.
const repoApps = fileURLToPath(new URL('../../../../apps/', import.meta.url));
const appsDir =
  process.env.IMKIT_APPS_DIR ??
  (existsSync(join(repoApps, '..', 'pnpm-workspace.yaml')) ? repoApps : join(process.cwd(), 'apps'));
const emulatorNodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const restTimeoutMs = 15_000;

/** How the fixture binds the apps' declared placements: the installer's `applyPlacements`, or one `placement.bind` each. */
export type PlacementBinder = 'installer' | 'rest';

export interface EmulatorPortal {
  readonly emulator: RunningEmulator;
  readonly origin: string;
  /** Origin of the served apps and test pages, with a trailing slash. */
  readonly appsUrl: string;
  /** Calls a REST method with an application token of `userId` (default the admin); rejects on a REST error. */
  rest<T = unknown>(method: string, params?: Record<string, unknown>, userId?: number): Promise<T>;
  /**
   * Changes fault switches for the rest of the test (`latencyMs`, `fail503Count`, `tokenTtlSeconds`, `operatingMsPerCall`);
   * the shell's Faults panel shows them. Resolves with every current value.
   */
  setFaults(faults: Partial<Faults>): Promise<Faults>;
}

export interface ShellDriver {
  readonly page: Page;
  /** The traffic inspector panel. */
  readonly inspector: Locator;
  openChat(dialogId: string): Promise<void>;
  switchUser(userId: number): Promise<void>;
  /** Opens a placement the way a user does (nav icon, input button, sidebar, message menu, smiley tab). */
  openPlacement(code: PlacementCode, title?: string): Promise<FrameLocator>;
  /** The open frame of a placement. */
  frameOf(code: PlacementCode | 'DEFAULT'): FrameLocator;
  /** The Playwright `Frame` of an open placement (to evaluate in it). */
  frameHandle(code: PlacementCode | 'DEFAULT'): Promise<Frame>;
}

interface WorkerFixtures {
  /** Test pages served on the apps origin: path → folder with index.html and main.ts (bundled with esbuild). */
  testPages: Record<string, string>;
  placementBinder: PlacementBinder;
  builtTestPages: Record<string, string>;
  appDeclarations: AppDeclaration[];
}

interface TestFixtures {
  /**
   * Whether the app's install is finished when the test starts (default true). With false, bound apps
   * stay hidden and the shell's "Install app" opens `apps/install` (when built) as the install page.
   */
  installed: boolean;
  /**
   * More placements to bind, such as test pages, by any name; handlers are relative to the apps URL
   * (`my-page/`). A record, not an array: Playwright reads an array option as `[value, options]`.
   */
  extraPlacements: Record<string, PlacementDeclaration>;
  /** Fault switches from the start of the test (applied after the apps are bound); default none. */
  faults: Partial<Faults>;
  /**
   * The portal's request bucket, on by default as on a portal (50 requests, 2 a second drain, one bucket
   * per source address). A test that needs it off sets `false` and says why.
   */
  rateLimit: RateLimit | false;
  /** Development aids for this test (behaviour a portal lacks, e.g. `{ placementEvents: true }`); default none. */
  devAids: Partial<DevAids>;
  portal: EmulatorPortal;
  shell: ShellDriver;
}

/** Bundles a test page (`index.html` + `main.ts`) into a temporary folder. */
async function buildTestPage(name: string, sourceDir: string): Promise<string> {
  const { build } = await import('esbuild');
  const outDir = await mkdtemp(join(tmpdir(), `imkit-page-${name}-`));
  await build({
    entryPoints: [join(sourceDir, 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    nodePaths: [emulatorNodeModules],
    logLevel: 'warning',
  });
  await copyFile(join(sourceDir, 'index.html'), join(outDir, 'index.html'));
  return outDir;
}

const installPageDir = join(appsDir, 'install', 'dist');

/** Apps with a `placement.ts` whose `dist/` is built. */
function builtApps(declarations: readonly AppDeclaration[]): AppDeclaration[] {
  return declarations.filter((d) => existsSync(join(appsDir, d.app, 'dist', 'index.html')));
}

async function callRest<T>(
  emulator: RunningEmulator,
  method: string,
  params: Record<string, unknown>,
  userId: number,
): Promise<T> {
  const auth = emulator.applicationToken(userId).access_token;
  const response = await fetch(`${emulator.origin}/rest/${method}.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, auth }),
    signal: AbortSignal.timeout(restTimeoutMs),
  });
  const body = (await response.json()) as { result?: T; error?: string; error_description?: string };
  if (body.error !== undefined || !response.ok) {
    throw new Error(
      `${method}: HTTP ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim(),
    );
  }
  return body.result as T;
}

async function bindApps(
  emulator: RunningEmulator,
  appsUrl: string,
  declarations: readonly AppDeclaration[],
  binder: PlacementBinder,
): Promise<void> {
  if (declarations.length === 0) return;
  if (binder === 'rest') {
    for (const { declaration } of declarations) {
      await callRest(emulator, 'placement.bind', { ...toBindParams(declaration, appsUrl) }, 1);
    }
    return;
  }
  const token = emulator.applicationToken(1);
  const rest = createNodeRestClient({ portal: emulator.origin, accessToken: token.access_token });
  const result = await applyPlacements(rest, declarations, { handlerBase: appsUrl });
  if (!result.ok) {
    const failed = result.items
      .filter((item) => item.status === 'failed')
      .map((item) => item.error?.description);
    throw new Error(`applyPlacements failed: ${JSON.stringify({ failed, mismatches: result.mismatches })}`);
  }
}

const placementOpeners: Record<PlacementCode, (page: Page, title: string | undefined) => Promise<void>> = {
  IM_NAVIGATION: (page, title) => pick(page.getByTestId('nav-app'), title).click(),
  IM_TEXTAREA: (page, title) => pick(page.getByTestId('textarea-app'), title).click(),
  IM_SIDEBAR: (page, title) => pick(page.getByTestId('sidebar-app'), title).click(),
  IM_CONTEXT_MENU: async (page, title) => {
    await page.getByTestId('message-menu-button').last().click();
    await page.getByTestId('message-menu').getByText('Create using…').hover();
    await pick(page.getByTestId('context-menu-app'), title).click();
  },
  IM_SMILES_SELECTOR: async (page, title) => {
    if (!(await page.getByTestId('smiley-selector').isVisible()))
      await page.getByTestId('smileys-button').click();
    await pick(page.getByTestId('smiles-app'), title).click();
  },
};

function pick(entries: Locator, title: string | undefined): Locator {
  return title === undefined ? entries.first() : entries.filter({ hasText: title }).first();
}

function frameSelector(code: string): string {
  return `iframe[data-testid="app-frame"][data-placement="${code}"]`;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  testPages: [{}, { option: true, scope: 'worker' }],
  placementBinder: ['installer', { option: true, scope: 'worker' }],
  extraPlacements: [{}, { option: true }],
  installed: [true, { option: true }],
  faults: [{}, { option: true }],
  rateLimit: [defaultRateLimit, { option: true }],
  devAids: [{}, { option: true }],

  builtTestPages: [
    async ({ testPages }, use) => {
      const built: Record<string, string> = {};
      for (const [name, dir] of Object.entries(testPages)) built[name] = await buildTestPage(name, dir);
      await use(built);
      for (const dir of Object.values(built)) await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  appDeclarations: [
    async ({ placementBinder: _binder }, use) => {
      await use(builtApps(await loadDeclarations(appsDir)));
    },
    { scope: 'worker' },
  ],

  portal: async (
    {
      builtTestPages,
      appDeclarations,
      placementBinder,
      extraPlacements,
      installed,
      faults,
      rateLimit,
      devAids,
    },
    use,
  ) => {
    const dirs: Record<string, string> = { ...builtTestPages };
    for (const { app } of appDeclarations) dirs[app] = join(appsDir, app, 'dist');
    const withInstallPage = existsSync(join(installPageDir, 'index.html'));
    if (withInstallPage) dirs.install = installPageDir;
    const emulator = await startEmulator({
      port: 0,
      stateFile: null,
      rateLimit,
      devAids,
      installed,
      serveApps: { dirs, port: 0, ...(withInstallPage ? { installPage: 'install' } : {}) },
    });
    try {
      const appsUrl = emulator.appsUrl ?? `${emulator.origin}/`;
      await bindApps(emulator, appsUrl, appDeclarations, placementBinder);
      for (const declaration of Object.values(extraPlacements)) {
        await callRest(emulator, 'placement.bind', { ...toBindParams(declaration, appsUrl) }, 1);
      }
      // After binding, so a forced 503 or a short token lifetime hits the test, not the fixture's setup.
      if (Object.keys(faults).length > 0) emulator.setFaults(faults);
      await use({
        emulator,
        origin: emulator.origin,
        appsUrl,
        rest: (method, params = {}, userId = 1) => callRest(emulator, method, params, userId),
        setFaults: async (change) => emulator.setFaults(change),
      });
    } finally {
      await emulator.close();
    }
  },

  shell: async ({ page, portal }, use) => {
    await page.goto(portal.emulator.url);
    // The first load fetches the shell's bundle and the portal state: seconds on a busy machine.
    await expect(page.getByTestId('shell')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const driver: ShellDriver = {
      page,
      inspector: page.getByTestId('inspector'),
      openChat: async (dialogId) => {
        await page.locator(`[data-testid="chat-item"][data-dialog-id="${dialogId}"]`).click();
        await expect(page.getByTestId('dialog')).toHaveAttribute('data-dialog-id', dialogId);
      },
      switchUser: async (userId) => {
        await page.getByTestId('user-switcher').selectOption(String(userId));
        await expect(page.getByTestId('current-user')).toHaveText(String(userId));
      },
      openPlacement: async (code, title) => {
        await placementOpeners[code](page, title);
        await expect(page.locator(frameSelector(code))).toBeAttached();
        return page.frameLocator(frameSelector(code));
      },
      frameOf: (code) => page.frameLocator(frameSelector(code)),
      frameHandle: async (code) => {
        const element = await page.locator(frameSelector(code)).elementHandle();
        const frame = await element?.contentFrame();
        if (!frame) throw new Error(`frameHandle: no open ${code} frame`);
        return frame;
      },
    };
    await use(driver);
  },
});
