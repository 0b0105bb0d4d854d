import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import type { RestCaller } from '@imkit/frame';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type InstallJobs, jobQueues } from '../src/jobs/install-jobs.js';
import type { InstallationRestFactory } from '../src/jobs/installation-rest.js';
import { createServer } from '../src/server.js';
import type { InstallationStore } from '../src/store/installation.js';
import { openPostgresDriver } from '../src/store/postgres-store.js';
import type { SqlDriver } from '../src/store/sql-driver.js';
import { createSqlInstallationStore } from '../src/store/sql-installation-store.js';
import {
  emulatorInstallation,
  emulatorRest,
  failingPortal,
  handlerBase,
  jobsOf,
  makeDeclaredApps,
  testJobs,
  waitFor,
} from './jobs-fixture.js';
import { createThrowawayDatabase, type ThrowawayDatabase, testDatabaseUrl } from './postgres-database.js';
import { sessionSecret } from './server-fixture.js';

if (testDatabaseUrl === '' && process.env.CI) {
  it('runs the install jobs against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the job tests against PostgreSQL: run them through scripts/with-postgres.sh',
    );
  });
}

describe.skipIf(testDatabaseUrl === '')('install jobs on PostgreSQL (pg-boss)', { timeout: 30_000 }, () => {
  let database: ThrowawayDatabase;
  let db: SqlDriver;
  let store: InstallationStore;
  let emulator: RunningEmulator;
  let jobs: InstallJobs;
  let logs: string[];
  let app: Hono;
  /** Installations whose portal is a test double instead of the emulator. */
  const doubles = new Map<string, RestCaller>();
  const apps = makeDeclaredApps();
  const uninstalled: string[] = [];

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    db = openPostgresDriver(database.url);
    store = await createSqlInstallationStore(db);
    emulator = await startEmulator({ port: 0, stateFile: null, shell: false });
    const real = emulatorRest(emulator, store);
    const restFor: InstallationRestFactory = (installation) =>
      doubles.get(installation.memberId) ?? real(installation);
    ({ jobs, logs } = await testJobs(store, apps.dir, restFor));
    jobs.onEvent('ONAPPUNINSTALL', async (event) => {
      uninstalled.push(event.memberId);
    });
    await jobs.start();
    const token = emulator.applicationToken();
    app = createServer({
      store,
      sessionSecret,
      oauth: {
        clientId: token.client_id,
        clientSecret: token.client_secret,
        tokenUrl: `${emulator.origin}/oauth/token/`,
      },
      jobs,
      log: (line) => logs.push(line),
    });
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop({ graceful: false, timeoutMs: 2000 });
    await store?.close();
    await emulator?.close();
    await database?.drop();
    apps.remove();
  });

  beforeEach(async () => {
    emulator.reset();
    await db.query('DELETE FROM imkit_installations');
  });

  /** The ONAPPINSTALL form the portal posts, with a fresh token of the emulator. */
  function installForm(applicationToken = 'app-token-0123456789abcdef0123456789'): URLSearchParams {
    const token = emulator.applicationToken();
    return new URLSearchParams({
      event: 'ONAPPINSTALL',
      'data[VERSION]': '1',
      ts: String(Math.floor(Date.now() / 1000)),
      'auth[access_token]': token.access_token,
      'auth[refresh_token]': token.refresh_token,
      'auth[member_id]': token.member_id,
      'auth[domain]': emulator.domain,
      'auth[client_endpoint]': `${emulator.origin}/rest/`,
      'auth[application_token]': applicationToken,
    });
  }

  const post = (form: URLSearchParams) =>
    app.request('/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });

  /** An installation of another portal, answered by a test double. */
  const separateInstallation = (memberId: string) => ({
    ...emulatorInstallation(emulator),
    memberId,
    domain: `${memberId}.bitrix24.test`,
    portalOrigin: `https://${memberId}.bitrix24.test`,
    chatAppHash: memberId.padEnd(32, '0').slice(0, 32),
  });

  const boundHandlers = () => emulator.state.bindings.map((binding) => binding.handler).sort();

  it('ONAPPINSTALL answers 200 at once and a job binds the declared placements on the portal', async () => {
    const response = await post(installForm());
    expect(response.status).toBe(200);
    await waitFor('the placements bound', () => boundHandlers().length === 2);
    expect(boundHandlers()).toEqual([`${handlerBase}im-navigation/`, `${handlerBase}im-sidebar/`]);
    const memberId = emulator.applicationToken().member_id;
    await waitFor('the job completed', async () =>
      (await jobsOf(db, jobQueues.apply)).some(
        (job) => job.data.memberId === memberId && job.state === 'completed',
      ),
    );
  });

  it('a replayed event enqueues nothing more; a re-run of the job is a no-op', async () => {
    const before = (await jobsOf(db, jobQueues.apply)).length;
    const form = installForm();
    expect((await post(form)).status).toBe(200);
    expect((await post(form)).status).toBe(200);
    const after = await jobsOf(db, jobQueues.apply);
    expect(after.length).toBe(before + 1);
    await waitFor(
      'the job completed',
      async () => (await jobsOf(db, jobQueues.apply)).at(-1)?.state === 'completed',
    );
    const installation = await store.findByMemberId(emulator.applicationToken().member_id);
    // The same job again: the plan finds nothing to change.
    expect(
      await jobs.enqueueApply({ memberId: installation!.memberId, epoch: installation!.epoch }, 'rerun-1'),
    ).toBe(true);
    await waitFor('the re-run done', () =>
      logs.some((line) => /placements applied .* requests=1$/.test(line)),
    );
    expect(boundHandlers()).toHaveLength(2);
    expect(logs.some((line) => line.startsWith('event replayed'))).toBe(true);
  });

  it('a forged ONAPPUNINSTALL is refused with 403 and enqueues nothing', async () => {
    expect((await post(installForm())).status).toBe(200);
    const cleanups = (await jobsOf(db, jobQueues.cleanup)).length;
    const token = emulator.applicationToken();
    const forged = new URLSearchParams({
      event: 'ONAPPUNINSTALL',
      'auth[member_id]': token.member_id,
      'auth[domain]': emulator.domain,
      'auth[application_token]': 'not-the-application-token-000000',
    });
    expect((await post(forged)).status).toBe(403);
    expect((await jobsOf(db, jobQueues.cleanup)).length).toBe(cleanups);
    expect(await store.findByMemberId(token.member_id)).not.toBeNull();
  });

  it('an unprovable ONAPPINSTALL is refused and enqueues nothing', async () => {
    const before = (await jobsOf(db, jobQueues.apply)).length;
    const form = installForm();
    form.set('auth[refresh_token]', 'made-up-refresh-token-0000000000');
    const response = await post(form);
    expect(response.status).toBeGreaterThanOrEqual(403);
    expect((await jobsOf(db, jobQueues.apply)).length).toBe(before);
  });

  it('ONAPPUNINSTALL with the application token enqueues the clean-up once; the app handler runs', async () => {
    expect((await post(installForm())).status).toBe(200);
    const token = emulator.applicationToken();
    const uninstall = new URLSearchParams({
      event: 'ONAPPUNINSTALL',
      'auth[member_id]': token.member_id,
      'auth[domain]': emulator.domain,
      'auth[application_token]': 'app-token-0123456789abcdef0123456789',
    });
    const before = (await jobsOf(db, jobQueues.cleanup)).length;
    expect((await post(uninstall)).status).toBe(200);
    expect((await post(uninstall)).status).toBe(200);
    expect((await jobsOf(db, jobQueues.cleanup)).length).toBe(before + 1);
    await waitFor('the uninstall handler', () => uninstalled.includes(token.member_id));
    expect(await store.findByMemberId(token.member_id)).toBeNull();
  });

  it('an install callback without event=ONAPPINSTALL is proven and enqueues the apply job', async () => {
    const token = emulator.applicationToken();
    const callback = new URLSearchParams({
      AUTH_ID: token.access_token,
      AUTH_EXPIRES: '3600',
      REFRESH_ID: token.refresh_token,
      member_id: token.member_id,
      status: 'L',
      PLACEMENT: 'DEFAULT',
    });
    const response = await app.request(`/events?DOMAIN=${emulator.domain}&PROTOCOL=0&LANG=en`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: callback.toString(),
    });
    expect(response.status).toBe(200);
    await waitFor('the placements bound', () => boundHandlers().length === 2);
  });

  it('a stale job (the installation went) is dropped without calling the portal', async () => {
    const calls: number[] = [];
    doubles.set('stale-member', failingPortal(calls));
    const installed = await store.insert(separateInstallation('stale-member'));
    await store.delete(installed!.memberId);
    await jobs.enqueueApply({ memberId: installed!.memberId, epoch: installed!.epoch }, 'stale-1');
    await waitFor('the job dropped', () =>
      logs.some((line) => line.startsWith('job dropped: apply placements')),
    );
    expect(calls).toEqual([]);
  });

  it('a job whose installation moved to a new epoch (HASH rotated) still applies the placements', async () => {
    const calls: number[] = [];
    doubles.set('rotated-member', failingPortal(calls));
    const installed = await store.insert(separateInstallation('rotated-member'));
    const { epoch, ...rest } = installed!;
    const rotated = await store.replace({ ...rest, chatAppHash: 'f'.repeat(32) }, epoch);
    expect(rotated?.epoch).toBe(epoch + 1);
    await jobs.enqueueApply({ memberId: installed!.memberId, epoch }, 'rotated-1');
    // The job ran against the installation (this double refuses the call, so pg-boss retries it later).
    await waitFor('the job called the portal', () => calls.length > 0);
    expect(logs.filter((line) => line.includes('job dropped') && line.includes('rotated-member'))).toEqual(
      [],
    );
  });

  it('a portal answering 500 is retried with growing back-off, then given up (bounded)', async () => {
    const calls: number[] = [];
    doubles.set('failing-member', failingPortal(calls));
    const installed = await store.insert(separateInstallation('failing-member'));
    await jobs.enqueueApply({ memberId: installed!.memberId, epoch: installed!.epoch }, 'backoff-1');
    const failedJob = async () =>
      (await jobsOf(db, jobQueues.apply)).find(
        (job) => job.data.memberId === installed!.memberId && job.state === 'failed',
      );
    await waitFor('the job failed for good', async () => (await failedJob()) !== undefined, 40_000);
    // retryLimit 3: the first attempt and three retries, each one call (placement.get), never a spin.
    expect(calls).toHaveLength(4);
    const gaps = calls.slice(1).map((at, index) => at - calls[index]!);
    // retryDelaySeconds 1, doubling with jitter: the n-th retry waits at least 2^(n-1) s.
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    expect(gaps[2]).toBeGreaterThanOrEqual(3900);
    expect((await failedJob())?.retry_count).toBe(3);
  }, 60_000);
});
