/**
 * A second server process for jobs-kill.test.ts: works the install queues on the database in argv[2] with a
 * portal that never answers, prints `taken <memberId>` when it holds a job, and waits to be killed (-9).
 */
import { createInstallJobs } from '../src/jobs/install-jobs.js';
import { openPostgresDriver } from '../src/store/postgres-store.js';
import { createSqlInstallationStore } from '../src/store/sql-installation-store.js';

const db = openPostgresDriver(process.argv[2] ?? '');
const store = await createSqlInstallationStore(db);
const hang = (memberId: string) => () => {
  process.stdout.write(`taken ${memberId}\n`);
  // Never answers within the test: the parent kills this process while the job is held.
  return new Promise<never>((_, reject) => setTimeout(() => reject(new Error('child: not killed')), 60_000));
};
const jobs = await createInstallJobs({
  db,
  store,
  restFor: (installation) => ({ call: hang(installation.memberId), batch: hang(installation.memberId) }),
  declarations: async () => [],
  handlerBase: 'http://127.0.0.1:5173/',
  retryLimit: 3,
  retryDelaySeconds: 1,
  expireInSeconds: 3,
  maintenanceIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  log: () => undefined,
});
await jobs.start();
process.stdout.write('ready\n');
