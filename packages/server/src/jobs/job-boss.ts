/**
 * pg-boss on the store's own SQL driver: PostgreSQL through the `pg` pool, or the embedded PGlite, so both
 * modes run the very same job engine (pg-boss takes any `db` with `executeSql`). Statements without
 * parameters may be several (pg-boss's migrations), so they go through `script`.
 */
import PgBoss from 'pg-boss';
import type { SqlDriver, SqlQueryable } from '../store/sql-driver.js';

/** pg-boss's `db` adapter for a driver, or for one transaction of it (sending a job atomically). */
export function bossDatabaseOf(db: SqlQueryable & Partial<Pick<SqlDriver, 'script'>>): PgBoss.Db {
  return {
    executeSql: (text, values) =>
      (values === undefined || values.length === 0) && db.script !== undefined
        ? db.script(text)
        : db.query(text, values ?? []),
  };
}

export interface JobBossTiming {
  /** How often expired active jobs (their worker died) are failed into a retry. */
  readonly maintenanceIntervalSeconds: number;
  /** How often a worker polls for jobs. */
  readonly pollingIntervalSeconds: number;
}

/** Starts pg-boss on `driver` (creating or migrating its schema `pgboss`); errors go to `log`. */
export async function startJobBoss(
  driver: SqlDriver,
  timing: JobBossTiming,
  log: (line: string) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossDatabaseOf(driver),
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: timing.maintenanceIntervalSeconds,
  });
  boss.on('error', (error: Error) => log(`jobs: ${error.name}: ${error.message.slice(0, 200)}`));
  await boss.start();
  return boss;
}
