/**
 * e2e in Chromium against the emulator. The browser: IMKIT_CHROMIUM, else the system Chromium
 * (/usr/bin/chromium), else Playwright's own (`npx playwright install chromium`); without one the run
 * stops with a line saying how to install it.
 */
import { chromiumForPlaywright } from '@imkit/emulator/chromium';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    headless: true,
    launchOptions: {
      executablePath: chromiumForPlaywright(),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    },
  },
});
