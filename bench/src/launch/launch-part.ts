/**
 * Part 2, launch latency in headless Chromium against the emulator: from the host's form POST into the
 * iframe to the app's context being ready, for the im-sidebar sample app, for a page that only calls
 * `connect()`, and for the reference page that only calls `initializeB24Frame()`. A harness page on the
 * emulator's origin does what the shell does (launch API, form POST, host side of the protocol); an init
 * script in the frame reports when `#app` changes. Launches are interleaved in rotating order so the
 * three share the machine's noise; warm-up rounds are dropped.
 */
import { join } from 'node:path';
import { startEmulator } from '@imkit/emulator';
import { createNodeRestClient } from '@imkit/installer/node';
import type { Page } from 'playwright-core';
import type { Figure } from '../figure.js';
import { appsDir } from '../repo-paths.js';
import { ensureAppsBuilt } from '../size/app-builds.js';
import { benchPageDist, buildBenchPages } from '../size/reference-pages.js';
import { median, percentile } from '../stats.js';
import type { ReadyReport } from './browser/ready-probe.js';
import { browserBundle } from './browser-bundle.js';
import { launchChromium } from './chromium.js';

const warmupRounds = 3;
const measuredRounds = 32;
/** Fewer successful launches than this per page fail the part. */
const minLaunches = 30;
const readyTimeoutMs = 10_000;
const dialogId = 'chat12';

interface LaunchTarget {
  readonly key: 'app' | 'frame' | 'reference';
  readonly path: string;
  readonly dist: string;
}

const launchTargets: readonly LaunchTarget[] = [
  { key: 'app', path: 'im-sidebar', dist: join(appsDir, 'im-sidebar', 'dist') },
  { key: 'frame', path: 'bench-frame', dist: benchPageDist('frame') },
  { key: 'reference', path: 'bench-b24jssdk', dist: benchPageDist('b24jssdk') },
];

interface Launch {
  /** Form submit → context ready, on the harness's and the frame's shared absolute clock. */
  readonly ms: number;
  /** The frame's own `performance.now()` at ready (from its navigation start). */
  readonly frameMs: number;
}

function readReport(value: unknown): ReadyReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  return typeof o.readyAt === 'number' &&
    typeof o.sinceNavigationStart === 'number' &&
    typeof o.failed === 'boolean' &&
    typeof o.href === 'string' &&
    typeof o.text === 'string'
    ? (o as unknown as ReadyReport)
    : null;
}

class ReadyWaiter {
  #pending: ((report: ReadyReport | null) => void) | null = null;

  deliver(value: unknown): void {
    this.#pending?.(readReport(value));
    this.#pending = null;
  }

  next(timeoutMs: number): Promise<ReadyReport> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending = null;
        reject(new Error(`launch: the frame was not ready within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending = (report) => {
        clearTimeout(timer);
        if (report === null) reject(new Error('launch: the frame sent an unreadable ready report'));
        else resolve(report);
      };
    });
  }
}

async function launchOnce(
  page: Page,
  waiter: ReadyWaiter,
  bindingId: number,
  handler: string,
): Promise<Launch> {
  const ready = waiter.next(readyTimeoutMs);
  ready.catch(() => {});
  try {
    const submittedAt: unknown = await page.evaluate(
      `window.benchHarness.launch(${JSON.stringify(bindingId)}, ${JSON.stringify(dialogId)})`,
    );
    if (typeof submittedAt !== 'number') throw new Error('launch: the harness did not return a submit time');
    const report = await ready.catch(async (error: unknown) => {
      const frames = await Promise.all(
        page
          .frames()
          .map(async (f) =>
            `${f.url()} ${await f.evaluate('document.body.innerText').catch(() => '?')}`.slice(0, 400),
          ),
      );
      throw new Error(`${(error as Error).message}; frames:\n${frames.join('\n')}`);
    });
    if (!report.href.startsWith(handler)) throw new Error(`launch: a ready report came from ${report.href}`);
    if (report.failed)
      throw new Error(`launch: ${handler} showed an error instead of its context: ${report.text}`);
    if (process.env.IMKIT_BENCH_DEBUG) console.error(`ready ${handler}: ${report.text}`);
    return { ms: report.readyAt - submittedAt, frameMs: report.sinceNavigationStart };
  } finally {
    await page.evaluate('window.benchHarness.clear()');
  }
}

export async function runLaunchPart(log: (line: string) => void): Promise<Figure[]> {
  await ensureAppsBuilt(['im-sidebar'], log);
  log('building the reference pages with Vite');
  await buildBenchPages();
  const [harnessScript, probeScript] = await Promise.all([
    browserBundle('host-harness'),
    browserBundle('ready-probe'),
  ]);
  const emulator = await startEmulator({
    port: 0,
    fresh: true,
    stateFile: null,
    rateLimit: false,
    shell: false,
    serveApps: { port: 0, dirs: Object.fromEntries(launchTargets.map((t) => [t.path, t.dist])) },
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  try {
    const appsUrl = emulator.appsUrl;
    if (appsUrl === undefined) throw new Error('launch: the emulator does not serve the apps');
    const token = emulator.applicationToken(1);
    const rest = createNodeRestClient({ portal: emulator.origin, accessToken: token.access_token });
    const bindings = new Map<LaunchTarget['key'], { id: number; handler: string }>();
    for (const target of launchTargets) {
      const handler = `${appsUrl}${target.path}/`;
      await rest.call('placement.bind', {
        PLACEMENT: 'IM_SIDEBAR',
        HANDLER: handler,
        TITLE: `bench ${target.path}`,
        OPTIONS: { iconName: 'fa-bolt' },
      });
      const binding = emulator.state.bindings.find((b) => b.handler === handler);
      if (binding === undefined) throw new Error(`launch: ${handler} was not bound`);
      bindings.set(target.key, { id: binding.id, handler });
    }
    const page = await browser.newPage();
    const waiter = new ReadyWaiter();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    if (process.env.IMKIT_BENCH_DEBUG) page.on('console', (message) => log(`console: ${message.text()}`));
    await page.exposeBinding('__benchReady', (_source, report: unknown) => waiter.deliver(report));
    await page.addInitScript({ content: probeScript });
    // A real answer from the emulator's origin (its 404 page): a document Chromium knows is on loopback,
    // so the form POST to the apps' loopback origin is allowed; the harness script is then run in it.
    await page.goto(`${emulator.origin}/bench-harness`, { timeout: 30_000 });
    await page.evaluate(harnessScript);
    const samples = new Map<LaunchTarget['key'], Launch[]>(launchTargets.map((t) => [t.key, []]));
    const failures = new Map<LaunchTarget['key'], number>(launchTargets.map((t) => [t.key, 0]));
    for (let round = 0; round < warmupRounds + measuredRounds; round++) {
      for (let i = 0; i < launchTargets.length; i++) {
        const target = launchTargets[(round + i) % launchTargets.length]!;
        const binding = bindings.get(target.key)!;
        try {
          const launch = await launchOnce(page, waiter, binding.id, binding.handler);
          if (round >= warmupRounds) samples.get(target.key)!.push(launch);
        } catch (error) {
          failures.set(target.key, failures.get(target.key)! + 1);
          log(`launch of ${target.path} failed: ${(error as Error).message}`);
        }
      }
    }
    for (const target of launchTargets) {
      const count = samples.get(target.key)!.length;
      if (count < minLaunches)
        throw new Error(`launch: only ${count} of ${measuredRounds} launches of ${target.path} succeeded`);
    }
    log(`${measuredRounds} launches each after ${warmupRounds} warm-up rounds, rotating order`);
    const reference = samples.get('reference')!;
    const figures: Figure[] = [];
    const rows = [
      ['app', 'im-sidebar app'],
      ['frame', 'connect()-only page'],
    ] as const;
    for (const [key, label] of rows) {
      const ours = samples.get(key)!;
      const base = { part: 'launch', unit: 'ms', referenceName: 'b24jssdk-only page' } as const;
      figures.push(
        {
          ...base,
          figure: `launch ${label}: median`,
          ours: median(ours.map((l) => l.ms)),
          reference: median(reference.map((l) => l.ms)),
          note: `${ours.length} vs ${reference.length} launches (failed: ${failures.get(key)} vs ${failures.get('reference')}); form POST → #app shows the context; frame's own clock (navigation start → ready) median ${median(ours.map((l) => l.frameMs)).toFixed(1)} ms vs ${median(reference.map((l) => l.frameMs)).toFixed(1)} ms`,
        },
        {
          ...base,
          figure: `launch ${label}: p95`,
          ours: percentile(
            ours.map((l) => l.ms),
            95,
          ),
          reference: percentile(
            reference.map((l) => l.ms),
            95,
          ),
        },
      );
    }
    return figures;
  } finally {
    await browser.close();
    await emulator.close();
  }
}
