import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '@imkit/emulator';
import type { RestCaller } from '@imkit/frame';
import { loadDeclarations } from '@imkit/installer/node';
import { createInstallJobs, type InstallJobs, type InstallJobsOptions } from '../src/jobs/install-jobs.js';
import { type InstallationRestFactory, portalRestFactory } from '../src/jobs/installation-rest.js';
import { createOAuthClient } from '../src/oauth-client.js';
import { createPortalClients } from '../src/portal/portal-clients.js';
import type { InstallationInput, InstallationStore } from '../src/store/installation.js';
import type { SqlDriver } from '../src/store/sql-driver.js';

export const handlerBase = 'http://127.0.0.1:5173/';

/** An apps folder with two placement declarations, as `apps/<name>/placement.ts`. */
export function makeDeclaredApps(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'imkit-jobs-apps-'));
  const app = (name: string, declaration: object) => {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'placement.ts'), `export default ${JSON.stringify(declaration)};\n`);
  };
  app('im-sidebar', {
    placement: 'IM_SIDEBAR',
    handler: 'im-sidebar/',
    title: { en: 'Insights' },
    options: { iconName: 'fa-bolt', context: 'CHAT;LINES' },
  });
  app('im-navigation', {
    placement: 'IM_NAVIGATION',
    handler: 'im-navigation/',
    title: { en: 'Home' },
    options: { iconName: 'fa-home' },
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The emulator's admin token as the installation ONAPPINSTALL would have stored. */
export function emulatorInstallation(emulator: RunningEmulator): InstallationInput {
  const token = emulator.applicationToken();
  return {
    memberId: token.member_id,
    domain: emulator.domain,
    portalOrigin: emulator.origin,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    accessExpiresAt: null,
    scope: 'placement',
    applicationToken: 'app-token-0123456789abcdef0123456789',
    chatAppHash: '0123456789abcdef0123456789abcdef',
    hashRotatedAt: new Date(),
    chatAppIds: [],
    launchTokenRequired: false,
    needsReinstall: false,
    installedAt: new Date(),
  };
}

export function emulatorRest(emulator: RunningEmulator, store: InstallationStore): InstallationRestFactory {
  const token = emulator.applicationToken();
  const oauth = createOAuthClient({
    clientId: token.client_id,
    clientSecret: token.client_secret,
    tokenUrl: `${emulator.origin}/oauth/token/`,
    production: false,
  });
  return portalRestFactory(createPortalClients({ store, oauth, production: false, timeoutMs: 5000 }));
}

/** Install jobs with test timings: quick polling, expiry and retries. */
export async function testJobs(
  store: InstallationStore,
  appsDir: string,
  restFor: InstallationRestFactory,
  extra: Partial<InstallJobsOptions> = {},
): Promise<{ jobs: InstallJobs; logs: string[] }> {
  const logs: string[] = [];
  const jobs = await createInstallJobs({
    store,
    restFor,
    declarations: () => loadDeclarations(appsDir),
    handlerBase,
    retryLimit: 3,
    retryDelaySeconds: 1,
    expireInSeconds: 3,
    maintenanceIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
    offlineDrain: { intervalSeconds: 0 },
    log: (line) => logs.push(line),
    ...extra,
  });
  return { jobs, logs };
}

/** Resolves when `check` holds; rejects after `timeoutMs` saying what was awaited. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Job rows of a queue, oldest first. */
export async function jobsOf(
  db: SqlDriver,
  queue: string,
): Promise<{ id: string; state: string; retry_count: number; data: Record<string, unknown> }[]> {
  const result = await db.query<{
    id: string;
    state: string;
    retry_count: number;
    data: Record<string, unknown>;
  }>('SELECT id, state, retry_count, data FROM pgboss.job WHERE name = $1 ORDER BY created_on', [queue]);
  return result.rows;
}

/** A portal that answers every call with HTTP 500, recording when it was called. */
export function failingPortal(calls: number[]): RestCaller {
  const fail = () => {
    calls.push(Date.now());
    return Promise.reject(Object.assign(new Error('portal: HTTP 500'), { code: 'HTTP_500' }));
  };
  return { call: fail, batch: fail };
}
