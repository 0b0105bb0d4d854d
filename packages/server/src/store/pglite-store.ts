import { PGlite } from '@electric-sql/pglite';
import type { InstallationStore } from './installation.js';
import type { SqlDriver, SqlQueryable } from './sql-driver.js';
import { createSqlInstallationStore } from './sql-installation-store.js';

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) in `dataDir`, or in memory when
 * `dataDir` is undefined. Needs no separate server; one process at a time per data dir.
 */
export async function openPgliteInstallationStore(dataDir?: string): Promise<InstallationStore> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const queryable = (client: SqlQueryable): SqlQueryable => client;
  const driver: SqlDriver = {
    query: (sql, params) => db.query(sql, params ? [...params] : undefined),
    transaction: (work) =>
      db.transaction((tx) =>
        work(queryable({ query: (sql, params) => tx.query(sql, params ? [...params] : undefined) })),
      ),
    close: () => db.close(),
  };
  return createSqlInstallationStore(driver);
}
