import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstallJobs, jobQueues } from '../src/jobs/install-jobs.js';
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
  it('runs the kill -9 job test against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the job tests against PostgreSQL: run them through scripts/with-postgres.sh',
    );
  });
}

/** Starts the child worker process; `output` is its stdout and stderr so far. */
function startChild(url: string): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./jobs-worker-child.ts', import.meta.url)), url],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { child, output: () => text };
}

describe.skipIf(testDatabaseUrl === '')('a job held by a process killed with -9', () => {
  let database: ThrowawayDatabase;
  let db: SqlDriver;
  let store: InstallationStore;
  let emulator: RunningEmulator;
  let jobs: InstallJobs | undefined;
  let child: ChildProcess | undefined;
  const apps = makeDeclaredApps();

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    db = openPostgresDriver(database.url);
    store = await createSqlInstallationStore(db);
    emulator = await startEmulator({ port: 0, stateFile: null, shell: false });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await jobs?.stop({ graceful: false, timeoutMs: 2000 });
    await store?.close();
    await emulator?.close();
    await database?.drop();
    apps.remove();
  });

  it('is retried by another process after its expiry and completes there', async () => {
    const started = startChild(database.url);
    child = started.child;
    await waitFor('the child worker ready', () => started.output().includes('ready'), 30_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}; child said: ${started.output().slice(0, 2000)}`);
      },
    );
    const installed = await store.insert(emulatorInstallation(emulator));
    // This process only enqueues while the child is the one worker.
    const producer = await testJobs(db, store, apps.dir, emulatorRest(emulator, store), { work: false });
    await producer.jobs.start();
    await producer.jobs.enqueueApply({ memberId: installed!.memberId, epoch: installed!.epoch }, 'kill-1');
    await producer.jobs.stop();
    await waitFor('the child holding the job', () =>
      started.output().includes(`taken ${installed!.memberId}`),
    );
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect((await jobsOf(db, jobQueues.apply))[0]?.state).toBe('active');

    ({ jobs } = await testJobs(db, store, apps.dir, emulatorRest(emulator, store)));
    await jobs.start();
    await waitFor(
      'the job completed here',
      async () => (await jobsOf(db, jobQueues.apply))[0]?.state === 'completed',
      30_000,
    );
    const [job] = await jobsOf(db, jobQueues.apply);
    expect(job?.retry_count).toBe(1);
    expect(emulator.state.bindings.map((binding) => binding.placement).sort()).toEqual([
      'IM_NAVIGATION',
      'IM_SIDEBAR',
    ]);
  }, 90_000);
});
