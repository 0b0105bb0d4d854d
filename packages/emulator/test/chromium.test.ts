import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, chromiumForPlaywright, findChromium } from '../src/testing/chromium.js';

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('findChromium', () => {
  it('takes IMKIT_CHROMIUM first, then the system Chromium, then Playwright’s own', () => {
    const all = only('/opt/c/chrome', '/usr/bin/chromium', '/pw/chrome');
    expect(findChromium({ env: { IMKIT_CHROMIUM: '/opt/c/chrome' }, exists: all })).toBe('/opt/c/chrome');
    expect(findChromium({ env: {}, playwrightChromium: '/pw/chrome', exists: all })).toBe(
      '/usr/bin/chromium',
    );
    expect(findChromium({ env: {}, exists: only('/usr/bin/chromium-browser') })).toBe(
      '/usr/bin/chromium-browser',
    );
    // Playwright's own download: no executablePath, Playwright launches its browser itself.
    expect(findChromium({ env: {}, playwrightChromium: '/pw/chrome', exists: only('/pw/chrome') })).toBe(
      undefined,
    );
  });

  it('names a missing IMKIT_CHROMIUM instead of falling back to another browser', () => {
    const lookup = { env: { IMKIT_CHROMIUM: '/nope/chromium' }, exists: only('/usr/bin/chromium') };
    expect(() => findChromium(lookup)).toThrow(ChromiumMissingError);
    expect(() => findChromium(lookup)).toThrow(/IMKIT_CHROMIUM=\/nope\/chromium does not exist/);
  });

  it('says how to install one when there is none', () => {
    expect(() => findChromium({ env: {}, playwrightChromium: '/pw/chrome', exists: only() })).toThrow(
      /npx playwright install chromium.*apt-get install -y chromium.*IMKIT_CHROMIUM/,
    );
  });
});

describe('chromiumForPlaywright', () => {
  it('prints one line without a stack trace and exits 1 when no Chromium is found', () => {
    const lines: string[] = [];
    const exits: number[] = [];
    const run = () =>
      chromiumForPlaywright({
        env: { IMKIT_CHROMIUM: '/nope/chromium' },
        stderr: (line) => lines.push(line),
        exit: (code) => {
          exits.push(code);
          throw new Error('exited');
        },
      });
    expect(run).toThrow('exited');
    expect(exits).toEqual([1]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^e2e: IMKIT_CHROMIUM=\/nope\/chromium does not exist; install one with/);
    expect(lines[0]).not.toMatch(/\n|\bat \S+:\d+/);
  });

  it('returns the chosen path when it exists', () => {
    const path = process.execPath; // any file that exists stands in for the browser binary
    const io = { env: { IMKIT_CHROMIUM: path }, stderr: () => {}, exit: (): never => process.exit(99) };
    expect(chromiumForPlaywright(io)).toBe(path);
  });
});
