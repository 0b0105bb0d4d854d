import type { RestCaller, RestParams } from '@imkit/frame';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../src/jobs/app-events.js';
import type { InstallJobs } from '../src/jobs/install-jobs.js';
import type { InstallationStore } from '../src/store/installation.js';
import { openPostgresDriver } from '../src/store/postgres-store.js';
import type { SqlDriver } from '../src/store/sql-driver.js';
import { createSqlInstallationStore } from '../src/store/sql-installation-store.js';
import { makeDeclaredApps, testJobs, waitFor } from './jobs-fixture.js';
import { createThrowawayDatabase, type ThrowawayDatabase, testDatabaseUrl } from './postgres-database.js';

if (testDatabaseUrl === '' && process.env.CI) {
  it('runs the offline-event drain against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the job tests against PostgreSQL: run them through scripts/with-postgres.sh',
    );
  });
}

interface OfflineRecord {
  ID: number;
  MESSAGE_ID: string;
  EVENT_NAME: string;
  EVENT_DATA: Record<string, unknown>;
  EVENT_ADDITIONAL: Record<string, unknown>;
}

/** A portal's offline queue as `event.offline.get` / `event.offline.clear` serve it. */
function offlinePortal(records: OfflineRecord[], options: { failClear: boolean }) {
  const cleared: number[][] = [];
  const rest: RestCaller = {
    async call<T>(method: string, params?: RestParams): Promise<T> {
      if (method === 'event.offline.get') {
        expect(params?.clear).toBe(0);
        const limit = Number(params?.limit ?? 50);
        return { process_id: 'proc-1', events: records.slice(0, limit) } as T;
      }
      if (method === 'event.offline.clear') {
        if (options.failClear) throw new Error('portal: the process died before clearing');
        const ids = ((params?.id ?? []) as number[]).map(Number);
        cleared.push(ids);
        for (const id of ids)
          records.splice(
            records.findIndex((record) => record.ID === id),
            1,
          );
        return true as T;
      }
      if (method === 'event.bind') return true as T;
      throw new Error(`unexpected ${method}`);
    },
    batch: () => Promise.reject(new Error('unexpected batch')),
  };
  return { rest, cleared };
}

const record = (id: number, messageId: string): OfflineRecord => ({
  ID: id,
  MESSAGE_ID: messageId,
  EVENT_NAME: 'ONIMBOTMESSAGEADD',
  EVENT_DATA: { PARAMS: { MESSAGE: `hello ${id}` } },
  EVENT_ADDITIONAL: { user_id: '1' },
});

describe.skipIf(testDatabaseUrl === '')('offline events (event.offline.get) on PostgreSQL', () => {
  let database: ThrowawayDatabase;
  let db: SqlDriver;
  let store: InstallationStore;
  const running: InstallJobs[] = [];
  const apps = makeDeclaredApps();

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    db = openPostgresDriver(database.url);
    store = await createSqlInstallationStore(db);
    await store.insert({
      memberId: 'offline-member',
      domain: 'offline.bitrix24.test',
      portalOrigin: 'https://offline.bitrix24.test',
      accessToken: 'access-offline-0123456789',
      refreshToken: 'refresh-offline-0123456789',
      accessExpiresAt: null,
      scope: 'imbot',
      applicationToken: 'app-token-offline-0123456789',
      chatAppHash: 'ffffffffffffffffffffffffffffffff',
      hashRotatedAt: new Date(),
      chatAppIds: [],
      launchTokenRequired: false,
      installedAt: new Date(),
    });
  }, 60_000);

  afterAll(async () => {
    for (const jobs of running) await jobs.stop({ graceful: false, timeoutMs: 2000 });
    await store?.close();
    await database?.drop();
    apps.remove();
  });

  it('drains on start, enqueues each record once across a crash before clear and a restart', async () => {
    const portalRecords = [record(1, 'm-1'), record(2, 'm-2'), record(3, 'm-2')];
    const received: AppEvent<'ONIMBOTMESSAGEADD'>[] = [];
    const handle = async (event: AppEvent<'ONIMBOTMESSAGEADD'>) => {
      received.push(event);
    };

    // First process: enqueues, then dies before event.offline.clear; the records stay on the portal.
    const crashing = offlinePortal(portalRecords, { failClear: true });
    const first = await testJobs(db, store, apps.dir, () => crashing.rest);
    running.push(first.jobs);
    first.jobs.onEvent('ONIMBOTMESSAGEADD', handle);
    await first.jobs.start();
    await waitFor('the drained records handled', () => received.length === 2);
    await first.jobs.stop();
    expect(first.logs.some((line) => line.startsWith('offline drain failed: member_id=offline-member'))).toBe(
      true,
    );
    expect(portalRecords).toHaveLength(3);

    // A restarted process drains the same records again: their receipts say they were enqueued.
    const healthy = offlinePortal(portalRecords, { failClear: false });
    const second = await testJobs(db, store, apps.dir, () => healthy.rest);
    running.push(second.jobs);
    second.jobs.onEvent('ONIMBOTMESSAGEADD', handle);
    await second.jobs.start();
    await waitFor('the portal cleared', () => portalRecords.length === 0);
    expect(await second.jobs.drainOfflineEvents()).toBe(0);
    expect(healthy.cleared).toEqual([[1, 2, 3]]);
    // MESSAGE_ID m-2 twice on the portal is one event; nothing arrived twice.
    expect(received.map((event) => [event.id, event.memberId, event.source])).toEqual([
      ['m-1', 'offline-member', 'offline'],
      ['m-2', 'offline-member', 'offline'],
    ]);
    expect(received[0]?.data).toEqual({ PARAMS: { MESSAGE: 'hello 1' } });

    // New records later: the next drain enqueues only those.
    portalRecords.push(record(4, 'm-4'));
    expect(await second.jobs.drainOfflineEvents()).toBe(1);
    await waitFor('the new record handled', () => received.length === 3);
    expect(received[2]?.id).toBe('m-4');
  }, 60_000);
});
