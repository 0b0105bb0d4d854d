/** e2e in Chromium against the emulator: IMKIT_CHROMIUM, or Debian's /usr/bin/chromium. */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.IMKIT_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    },
  },
});
