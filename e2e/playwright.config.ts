/**
 * Playwright for the emulator's end-to-end tests. The browser is the one an imkit project uses
 * (`chromiumForPlaywright`): IMKIT_CHROMIUM, else the system Chromium, else Playwright's own download.
 */
import { chromiumForPlaywright } from '@imkit/emulator/chromium';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumForPlaywright(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
