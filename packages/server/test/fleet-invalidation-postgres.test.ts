import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InstallationStore } from '../src/store/installation.js';
import { changeListenerName } from '../src/store/installation-changes.js';
import { openPostgresInstallationStore } from '../src/store/postgres-store.js';
import { createThrowawayDatabase, type ThrowawayDatabase, testDatabaseUrl } from './postgres-database.js';
import {
  installForm,
  launchForm,
  launchPath,
  makeAppsDir,
  portal,
  postForm,
  testServer,
} from './server-fixture.js';

/** Two stores on one database are two server processes: each has its own cache and LISTEN connection. */
if (testDatabaseUrl === '' && process.env.CI) {
  it('runs against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the fleet tests against PostgreSQL: run them through scripts/with-postgres.sh',
    );
  });
}

describe.skipIf(testDatabaseUrl === '')('several processes on one PostgreSQL: cache invalidation', () => {
  const apps = makeAppsDir();
  const logsB: string[] = [];
  let database: ThrowawayDatabase;
  let storeA: InstallationStore;
  let storeB: InstallationStore;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    storeA = await openPostgresInstallationStore(database.url, { log: () => undefined });
    storeB = await openPostgresInstallationStore(database.url, { log: (line) => logsB.push(line) });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await storeA?.close();
    await storeB?.close();
    await database?.drop();
    apps.remove();
  });

  /** True when B answers `memberId` from its cache: a database read builds a new object each time. */
  async function cachedOnB(): Promise<boolean> {
    const first = await storeB.findByMemberId(portal.memberId);
    return first !== null && first === (await storeB.findByMemberId(portal.memberId));
  }

  it('an uninstall on one process refuses launches on the other within 1 s', async () => {
    const a = testServer(storeA, apps.dir).app;
    const b = testServer(storeB, apps.dir).app;
    expect((await postForm(a, '/events', installForm())).status).toBe(200);
    expect((await postForm(b, launchPath, launchForm())).status).toBe(200);
    expect(await cachedOnB()).toBe(true);

    expect((await postForm(a, '/events', installForm({ event: 'ONAPPUNINSTALL' }))).status).toBe(200);
    const uninstalledAt = performance.now();
    await vi.waitFor(async () => expect((await postForm(b, launchPath, launchForm())).status).toBe(403), {
      timeout: 1000,
      interval: 10,
    });
    expect(performance.now() - uninstalledAt).toBeLessThanOrEqual(1000);
  });

  it('a write by any client of the database (the trigger, not our code) evicts too', async () => {
    const a = testServer(storeA, apps.dir).app;
    expect((await postForm(a, '/events', installForm())).status).toBe(200);
    await vi.waitFor(async () => expect(await cachedOnB()).toBe(true), { timeout: 1000, interval: 10 });
    await admin.query("UPDATE imkit_installations SET scope = 'changed-by-sql' WHERE member_id = $1", [
      portal.memberId,
    ]);
    const changedAt = performance.now();
    await vi.waitFor(
      async () => expect((await storeB.findByMemberId(portal.memberId))?.scope).toBe('changed-by-sql'),
      { timeout: 1000, interval: 10 },
    );
    expect(performance.now() - changedAt).toBeLessThanOrEqual(1000);
  });

  it('a dropped LISTEN connection is replaced, and what changed meanwhile is never served from cache', async () => {
    await vi.waitFor(async () => expect(await cachedOnB()).toBe(true), { timeout: 1000, interval: 10 });
    const terminated = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [changeListenerName],
    );
    expect(terminated.rows.length).toBe(2); // one per process
    await vi.waitFor(() => expect(logsB.some((line) => line.includes('notifications back'))).toBe(true), {
      timeout: 10_000,
      interval: 20,
    });
    expect(logsB.some((line) => line.includes('notifications lost'))).toBe(true);
    expect(logsB.join('\n')).not.toContain(database.url);
    // The cache was cleared on return (a change made while it was down would have no notification).
    expect((await storeB.findByMemberId(portal.memberId))?.scope).toBe('changed-by-sql');
    await vi.waitFor(async () => expect(await cachedOnB()).toBe(true), { timeout: 1000, interval: 10 });
    await admin.query("UPDATE imkit_installations SET scope = 'after-reconnect' WHERE member_id = $1", [
      portal.memberId,
    ]);
    await vi.waitFor(
      async () => expect((await storeB.findByMemberId(portal.memberId))?.scope).toBe('after-reconnect'),
      { timeout: 1000, interval: 10 },
    );
  }, 20_000);
});
