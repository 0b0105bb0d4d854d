/**
 * The apply job's `event.bind` (offline) and the offline-event drain, against the emulator as the portal:
 * its `event.bind` / `event.get`, its offline queue (`event.offline.get` / `.clear` / `.list`) and the
 * ONIMBOTMESSAGEADD records it queues when a message reaches the seed's bot (user 5).
 */
import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import type { RestCaller } from '@imkit/frame';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../src/jobs/app-events.js';
import { type InstallJobs, jobQueues } from '../src/jobs/install-jobs.js';
import type { InstallationRestFactory } from '../src/jobs/installation-rest.js';
import type { InstallationStore } from '../src/store/installation.js';
import { openPostgresDriver } from '../src/store/postgres-store.js';
import type { SqlDriver } from '../src/store/sql-driver.js';
import { createSqlInstallationStore } from '../src/store/sql-installation-store.js';
import {
  emulatorInstallation,
  emulatorRest,
  jobsOf,
  makeDeclaredApps,
  testJobs,
  waitFor,
} from './jobs-fixture.js';
import { createThrowawayDatabase, type ThrowawayDatabase, testDatabaseUrl } from './postgres-database.js';

if (testDatabaseUrl === '' && process.env.CI) {
  it('runs the offline-event drain against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the job tests against PostgreSQL: run them through scripts/with-postgres.sh',
    );
  });
}

type MessageEvent = AppEvent<'ONIMBOTMESSAGEADD'>;

/** The text of the message an ONIMBOTMESSAGEADD record is about. */
const textOf = (event: MessageEvent): string =>
  String((event.data as { PARAMS?: { MESSAGE?: unknown } }).PARAMS?.MESSAGE);

describe.skipIf(testDatabaseUrl === '')('offline events against the emulator (PostgreSQL)', () => {
  let database: ThrowawayDatabase;
  let emulator: RunningEmulator;
  /** One store (its own pool) per job instance: each instance is a process. */
  const stores: InstallationStore[] = [];
  const running: InstallJobs[] = [];
  const apps = makeDeclaredApps();
  let db: SqlDriver;

  /** A REST call to the emulator as its administrator (user 1) with an application token. */
  async function adminRest(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const response = await fetch(`${emulator.origin}/rest/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...params, auth: emulator.applicationToken(1).access_token }),
    });
    const body = (await response.json()) as { result?: unknown; total?: number };
    if (!response.ok) throw new Error(`${method}: HTTP ${response.status} ${JSON.stringify(body)}`);
    return method === 'event.offline.list' ? body.total : body.result;
  }

  const offlineBindings = async () =>
    ((await adminRest('event.get')) as { event: string; handler: string; offline: number }[]).filter(
      (binding) => binding.offline === 1,
    );
  const queued = async () => (await adminRest('event.offline.list')) as number;
  /** Messages to the bot: one ONIMBOTMESSAGEADD record each for the offline binding. */
  async function messageBot(texts: readonly string[]) {
    for (const text of texts) await adminRest('im.message.add', { DIALOG_ID: '5', MESSAGE: text });
  }

  /** A job instance with its own store; `restFor` may wrap the emulator's REST caller. */
  async function startProcess(
    received: MessageEvent[],
    options: { intervalSeconds?: number; wrap?: (rest: RestCaller) => RestCaller } = {},
  ) {
    const store = await createSqlInstallationStore(openPostgresDriver(database.url));
    stores.push(store);
    const real = emulatorRest(emulator, store);
    const restFor: InstallationRestFactory = (installation) =>
      (options.wrap ?? ((rest) => rest))(real(installation));
    const started = await testJobs(store, apps.dir, restFor, {
      offlineDrain: { intervalSeconds: options.intervalSeconds ?? 0, pageSize: 3 },
    });
    running.push(started.jobs);
    started.jobs.onEvent('ONIMBOTMESSAGEADD', async (event) => {
      received.push(event);
    });
    // The server's own install event: handled by the server, never bound on the portal.
    started.jobs.onEvent('ONAPPUNINSTALL', async () => {});
    return started;
  }

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    db = openPostgresDriver(database.url);
    emulator = await startEmulator({ port: 0, stateFile: null, shell: false, rateLimit: false });
  }, 60_000);

  beforeEach(async () => {
    const earlierTest = stores.length > 0; // before the first one, no store has migrated the database
    for (const jobs of running.splice(0)) await jobs.stop({ graceful: false, timeoutMs: 2000 });
    for (const store of stores.splice(0)) await store.close();
    emulator.reset();
    if (!earlierTest) return;
    await db.query('DELETE FROM imkit_installations');
    await db.query('DELETE FROM imkit_event_receipts');
    await db.query('DELETE FROM pgboss.job');
  });

  afterAll(async () => {
    for (const jobs of running) await jobs.stop({ graceful: false, timeoutMs: 2000 });
    for (const store of stores) await store.close();
    await db?.close();
    await emulator?.close();
    await database?.drop();
    apps.remove();
  });

  /** Stores the emulator's installation and enqueues an apply job; resolves when `completed` jobs are. */
  async function applyOnce(jobs: InstallJobs, store: InstallationStore, key: string, completed = 1) {
    const installation =
      (await store.findByMemberId(emulatorInstallation(emulator).memberId)) ??
      (await store.insert(emulatorInstallation(emulator)))!;
    expect(await jobs.enqueueApply({ memberId: installation.memberId, epoch: installation.epoch }, key)).toBe(
      true,
    );
    await waitFor(
      `the apply job ${key} completed`,
      async () =>
        (await jobsOf(db, jobQueues.apply)).filter((job) => job.state === 'completed').length === completed,
      60_000,
    );
  }

  it('the apply job binds the handled events offline once; a re-run binds nothing twice', async () => {
    const { jobs, logs } = await startProcess([]);
    await jobs.start();
    const store = stores[0]!;
    await applyOnce(jobs, store, 'apply-1');
    expect(await offlineBindings()).toEqual([
      { event: 'ONIMBOTMESSAGEADD', handler: '', auth_type: '0', offline: 1 },
    ]);
    // The re-run: the host answers "Handler already binded" and the job takes it as done, not failed.
    await applyOnce(jobs, store, 'apply-2', 2);
    expect(await offlineBindings()).toHaveLength(1);
    expect(logs.filter((line) => line.startsWith('job failed'))).toEqual([]);
    expect((await jobsOf(db, jobQueues.apply)).map((job) => job.state)).toEqual(['completed', 'completed']);
  }, 90_000);

  it('a binding the host refuses otherwise is not taken as bound: the job fails and is retried', async () => {
    const { jobs, logs } = await startProcess([]);
    // An event the emulator does not raise: event.bind answers 400 ERROR_EVENT_NOT_FOUND.
    jobs.onEvent('ONCRMLEADADD', async () => {});
    await jobs.start();
    const installation = (await stores[0]!.insert(emulatorInstallation(emulator)))!;
    await jobs.enqueueApply({ memberId: installation.memberId, epoch: installation.epoch }, 'refused-1');
    await waitFor(
      'the apply job failed',
      () => logs.some((line) => line.startsWith('job failed: apply placements')),
      60_000,
    );
    expect(logs.find((line) => line.startsWith('job failed'))).toContain('ERROR_EVENT_NOT_FOUND');
  }, 90_000);

  it('records queued while the server was down reach the handler once, with two processes draining', async () => {
    // Before the downtime: the app was installed and its apply job bound ONIMBOTMESSAGEADD offline.
    const before = await startProcess([]);
    await before.jobs.start();
    await applyOnce(before.jobs, stores[0]!, 'bind-1');
    await before.jobs.stop();
    expect(await offlineBindings()).toHaveLength(1);

    // While it is down, messages reach the bot: the portal queues them (more than a page of 3).
    const down = Array.from({ length: 8 }, (_, index) => `down ${index + 1}`);
    await messageBot(down);
    expect(await queued()).toBe(down.length);

    // Two processes start at once; both drain on start, the portal hands each disjoint pages.
    const received: MessageEvent[] = [];
    const a = await startProcess(received, { intervalSeconds: 1 });
    const b = await startProcess(received, { intervalSeconds: 1 });
    await Promise.all([a.jobs.start(), b.jobs.start()]);
    await waitFor('the queued records handled', () => received.length >= down.length, 60_000);
    await waitFor('the portal queue empty', async () => (await queued()) === 0, 60_000);

    // On the schedule: records queued while both run are drained by the interval, not by a start.
    const live = ['live 1', 'live 2', 'live 3', 'live 4'];
    await messageBot(live);
    await waitFor(
      'the scheduled drain handled them',
      () => received.length >= down.length + live.length,
      60_000,
    );
    await waitFor('the portal queue empty again', async () => (await queued()) === 0, 60_000);

    // Nothing is left to enqueue, and every app-event job ran: each record reached the handler once.
    expect(await a.jobs.drainOfflineEvents()).toBe(0);
    expect(await b.jobs.drainOfflineEvents()).toBe(0);
    await waitFor('every app-event job completed', async () =>
      (await jobsOf(db, jobQueues.appEvent)).every((job) => job.state === 'completed'),
    );
    expect((await jobsOf(db, jobQueues.appEvent)).length).toBe(down.length + live.length);
    expect(received.map(textOf).sort()).toEqual([...down, ...live].sort());
    expect(new Set(received.map((event) => event.id)).size).toBe(received.length);
    const memberId = emulatorInstallation(emulator).memberId;
    expect(received.every((event) => event.memberId === memberId && event.source === 'offline')).toBe(true);
    expect(received[0]?.additional).toEqual({ user_id: '1' });
  }, 120_000);

  it('a process that dies between enqueue and event.offline.clear: the next drain clears, enqueues nothing twice', async () => {
    const binder = await startProcess([]);
    await binder.jobs.start();
    await applyOnce(binder.jobs, stores[0]!, 'crash-1');
    await binder.jobs.stop();
    await messageBot(['crash 1', 'crash 2']);

    // The first process enqueues the page, then its event.offline.clear never reaches the portal.
    const received: MessageEvent[] = [];
    const dying = await startProcess(received, {
      wrap: (rest) => ({
        call: <T>(method: string, params?: Record<string, unknown>) =>
          method === 'event.offline.clear'
            ? Promise.reject(new Error('the process died before clearing'))
            : rest.call<T>(method, params as never),
        batch: rest.batch.bind(rest),
      }),
    });
    await dying.jobs.start();
    await waitFor('the enqueued records handled', () => received.length === 2, 60_000);
    await waitFor('the failed drain logged', () =>
      dying.logs.some((line) => line.startsWith('offline drain failed: member_id=')),
    );
    await dying.jobs.stop();
    expect(await queued()).toBe(2); // still on the portal, reserved by the dead process

    // A restarted process finds them, clears them and enqueues nothing: their receipts were recorded.
    const restarted = await startProcess(received);
    await restarted.jobs.start();
    await waitFor('the portal queue empty', async () => (await queued()) === 0, 60_000);
    expect(await restarted.jobs.drainOfflineEvents()).toBe(0);
    expect((await jobsOf(db, jobQueues.appEvent)).length).toBe(2);
    expect(received.map(textOf).sort()).toEqual(['crash 1', 'crash 2']);
  }, 120_000);
});
