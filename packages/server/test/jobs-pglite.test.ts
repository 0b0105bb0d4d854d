import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstallJobs, jobQueues } from '../src/jobs/install-jobs.js';
import type { InstallationStore } from '../src/store/installation.js';
import { openPgliteDriver } from '../src/store/pglite-store.js';
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

/** The embedded mode runs the same pg-boss engine on PGlite, through the store's own driver. */
describe('install jobs on the embedded PGlite', () => {
  let db: SqlDriver;
  let store: InstallationStore;
  let emulator: RunningEmulator;
  let jobs: InstallJobs;
  const apps = makeDeclaredApps();

  beforeAll(async () => {
    db = await openPgliteDriver();
    store = await createSqlInstallationStore(db);
    emulator = await startEmulator({ port: 0, stateFile: null, shell: false });
    ({ jobs } = await testJobs(db, store, apps.dir, emulatorRest(emulator, store)));
    await jobs.start();
  }, 60_000);

  afterAll(async () => {
    await jobs?.stop({ graceful: false, timeoutMs: 2000 });
    await store?.close();
    await emulator?.close();
    apps.remove();
  });

  it('applies the declared placements from the queue, once per event', async () => {
    const installed = await store.insert(emulatorInstallation(emulator));
    const job = { memberId: installed!.memberId, epoch: installed!.epoch };
    expect(await jobs.enqueueApply(job, 'pglite-install-1')).toBe(true);
    expect(await jobs.enqueueApply(job, 'pglite-install-1')).toBe(false);
    expect(await jobs.seen('pglite-install-1')).toBe(true);
    await waitFor(
      'the job completed',
      async () => (await jobsOf(db, jobQueues.apply))[0]?.state === 'completed',
    );
    expect(await jobsOf(db, jobQueues.apply)).toHaveLength(1);
    expect(emulator.state.bindings.map((binding) => binding.placement).sort()).toEqual([
      'IM_NAVIGATION',
      'IM_SIDEBAR',
    ]);
  }, 60_000);
});
