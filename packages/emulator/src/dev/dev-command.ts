/**
 * `imkit dev` (and `pnpm dev` in this repository): the emulator plus either ONE Vite dev server for every
 * app in the apps folder (each app at `/<name>/`, HMR on) or, with `--handler-base <url>`, the apps your
 * own dev server serves on loopback. Then the apps' placements are installed through the installer and
 * a legacy sample (`legacy-chat-app`) is registered when present. Ctrl-C stops everything.
 * Failures are one plain line (exit 2 for usage, 1 otherwise); `runDev` resolves once everything listens.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { createServer, type ViteDevServer } from 'vite';
import { type RunningEmulator, startEmulator } from '../index.js';
import { closeOnSignals } from '../shutdown.js';
import { parseCliArgs, UsageError } from './cli-args.js';
import { installAppPlacements, registerLegacySample } from './install-apps.js';
import { acceptHostPost } from './vite-plugin.js';

export { UsageError } from './cli-args.js';

export interface DevOptions {
  /** The folder with one sub-folder per app (`<name>/placement.ts`, `<name>/index.html`). */
  readonly appsDir: string;
  /** The command name shown in messages and `--help` (`imkit dev`, `pnpm dev`). */
  readonly command?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly log?: (line: string) => void;
}

export interface RunningDev {
  readonly emulator: RunningEmulator;
  /** The handler base the placements were bound to (`http://127.0.0.1:5173/`). */
  readonly handlerBase: string;
  close(): Promise<void>;
}

export function devUsage(command = 'imkit dev'): string {
  return `Usage: ${command} [--apps <dir>] [--handler-base <url>] [--port <n>] [--fresh] [--state <file> | --memory]
  Starts the emulated Bitrix24 portal (IMKIT_EMULATOR_PORT, default 3000) and one Vite dev server for every
  app in the apps folder (IMKIT_APPS_PORT, default 5173), then installs the apps' placements into it.
  --apps <dir>           apps folder (default ./apps)
  --handler-base <url>   frame the apps your own dev server serves there (loopback only, e.g.
                         http://127.0.0.1:5173/); no Vite is started
  --port <n>             portal port
  --fresh                start from the seed portal, ignoring the saved state
  --state <file>         state file (default .emulator-state/portal.json)
  --memory               keep the state in memory only
  --help                 show this text`;
}

/** Splits off the options only `dev` has; the rest are the emulator CLI's. */
function devOptions(argv: readonly string[]): { appsDir?: string; handlerBase?: string; rest: string[] } {
  const rest: string[] = [];
  let appsDir: string | undefined;
  let handlerBase: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--apps' || arg === '--handler-base') {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      if (arg === '--apps') appsDir = next;
      else handlerBase = next;
    } else rest.push(arg);
  }
  return {
    ...(appsDir === undefined ? {} : { appsDir }),
    ...(handlerBase === undefined ? {} : { handlerBase }),
    rest,
  };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function parseHandlerBase(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(
      `--handler-base must be an absolute URL such as http://127.0.0.1:5173/, got "${text}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--handler-base must be an http(s) URL, got "${text}"`);
  if (!loopbackHosts.has(url.hostname))
    throw new UsageError(`--handler-base must be on loopback (127.0.0.1), got host ${url.hostname}`);
  if (url.search !== '' || url.hash !== '')
    throw new UsageError('--handler-base must not have a query or fragment');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

function appsPort(env: Readonly<Record<string, string | undefined>>): number {
  const text = env.IMKIT_APPS_PORT ?? '5173';
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535)
    throw new UsageError(`IMKIT_APPS_PORT must be a port number, got "${text}"`);
  return Number(text);
}

/** A failure `runDev` reports in one line, naming what to change. */
export class DevError extends Error {
  override readonly name = 'DevError';
}

function isAddressInUse(error: unknown): boolean {
  const text =
    error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` : '';
  return /EADDRINUSE|already in use/.test(text);
}

/** Starts everything; `null` when `--help` was asked for (the usage is logged). */
export async function runDev(argv: readonly string[], options: DevOptions): Promise<RunningDev | null> {
  const command = options.command ?? 'imkit dev';
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const { appsDir: appsOption, handlerBase: baseOption, rest } = devOptions(argv);
  const args = parseCliArgs(rest, env);
  if (args.help) {
    log(devUsage(command));
    return null;
  }
  if (args.serveDist)
    throw new UsageError(`${command} serves the apps from source; --serve-dist is for the emulator CLI`);
  const appsDir = resolve(appsOption ?? options.appsDir);
  if (!existsSync(appsDir)) throw new UsageError(`the apps folder ${appsDir} does not exist (--apps <dir>)`);
  const ownBase = baseOption === undefined ? undefined : parseHandlerBase(baseOption);
  const host = '127.0.0.1';
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: args.port,
      host,
      fresh: args.fresh,
      ...(args.stateFile === undefined ? {} : { stateFile: args.stateFile }),
    });
  } catch (error) {
    if (isAddressInUse(error))
      throw new DevError(
        `port ${args.port} is already in use; choose another with --port <n> (or IMKIT_EMULATOR_PORT=<n>)`,
      );
    throw error;
  }
  let vite: ViteDevServer | null = null;
  let handlerBase: string;
  if (ownBase !== undefined) {
    handlerBase = ownBase;
  } else {
    const port = appsPort(env);
    vite = await createServer({
      configFile: false,
      root: appsDir,
      appType: 'mpa',
      plugins: [preact(), acceptHostPost({ portalOrigin: emulator.origin })],
      server: { host, port, strictPort: true },
      logLevel: 'warn',
    });
    try {
      await vite.listen();
    } catch (error) {
      await Promise.all([vite.close(), emulator.close()]);
      if (isAddressInUse(error))
        throw new DevError(
          `port ${port} (the apps' Vite server) is already in use; choose another with IMKIT_APPS_PORT=<n>`,
        );
      throw error;
    }
    // The port Vite really got (IMKIT_APPS_PORT=0 picks any free one).
    const address = vite.httpServer?.address();
    handlerBase = `http://${host}:${typeof address === 'object' && address !== null ? address.port : port}/`;
  }
  const close = async () => {
    await Promise.all([vite?.close(), emulator.close()]);
  };
  closeOnSignals(close);
  if (existsSync(join(appsDir, 'install'))) emulator.runtime.installHandler = `${handlerBase}install/`;
  log(`imkit emulator: ${emulator.url}`);
  log(`apps${vite === null ? ' (yours)' : ' (Vite)'}:    ${handlerBase}<app>/`);
  try {
    const report = await installAppPlacements(emulator, appsDir, handlerBase);
    log(report.summary);
    if (!report.ok) console.error('some placements were not installed; see above');
  } catch (error) {
    console.error(`placements not installed: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const legacyId = await registerLegacySample(emulator, appsDir, handlerBase);
    if (legacyId !== null) log(`legacy chat app registered (APP_ID ${legacyId})`);
  } catch (error) {
    console.error(`legacy sample not registered: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { emulator, handlerBase, close };
}

/** `runDev` for a command line: prints failures as one line, returns the exit code when it failed. */
export async function runDevCli(argv: readonly string[], options: DevOptions): Promise<number | null> {
  try {
    await runDev(argv, options);
    return null;
  } catch (error) {
    console.error(
      `${options.command ?? 'imkit dev'}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return error instanceof UsageError ? 2 : 1;
  }
}
