/**
 * Which Chromium an imkit project's e2e tests launch, decided in `playwright.config.ts` before Playwright
 * starts, so a missing browser is one line that says how to install one — not a stack trace.
 *
 * Order: `IMKIT_CHROMIUM` (must exist), the system Chromium (`/usr/bin/chromium`, Debian's package, or
 * `/usr/bin/chromium-browser`), then Playwright's own download (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const systemChromiumPaths: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const installChromiumHint =
  'install one with `npx playwright install chromium` (Debian/Ubuntu: `apt-get install -y chromium`), or set IMKIT_CHROMIUM to a Chromium binary';

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
  readonly code = 'CHROMIUM_MISSING';
}

export interface ChromiumLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Playwright's own Chromium (`chromium.executablePath()`), when Playwright knows one. */
  readonly playwrightChromium?: string | undefined;
  readonly exists?: (path: string) => boolean;
}

/**
 * The executable to pass as `launchOptions.executablePath`: a path, or `undefined` for Playwright's own
 * download. Throws `ChromiumMissingError` when there is none.
 */
export function findChromium({
  env,
  playwrightChromium,
  exists = existsSync,
}: ChromiumLookup): string | undefined {
  const chosen = env.IMKIT_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (exists(chosen)) return chosen;
    throw new ChromiumMissingError(`IMKIT_CHROMIUM=${chosen} does not exist; ${installChromiumHint}`);
  }
  const system = systemChromiumPaths.find((path) => exists(path));
  if (system !== undefined) return system;
  if (playwrightChromium !== undefined && exists(playwrightChromium)) return undefined;
  throw new ChromiumMissingError(`No Chromium for the e2e tests: ${installChromiumHint}.`);
}

export interface ChromiumIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderr: (line: string) => void;
  readonly exit: (code: number) => never;
}

const processIo: ChromiumIo = {
  env: process.env,
  stderr: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
};

/**
 * For `playwright.config.ts`: `launchOptions: { executablePath: chromiumForPlaywright() }`. When no
 * Chromium is found it prints one line on stderr and ends the process with exit code 1.
 */
export function chromiumForPlaywright(io: ChromiumIo = processIo): string | undefined {
  let playwrightChromium: string | undefined;
  try {
    playwrightChromium = chromium.executablePath();
  } catch {
    playwrightChromium = undefined; // no browser registry for this platform: only the paths above count
  }
  try {
    return findChromium({ env: io.env, playwrightChromium });
  } catch (error) {
    if (!(error instanceof ChromiumMissingError)) throw error;
    io.stderr(`e2e: ${error.message}`);
    return io.exit(1);
  }
}
