import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { InstallationStore } from './installation.js';
import type { SqlDriver, SqlQueryable } from './sql-driver.js';
import { createSqlInstallationStore } from './sql-installation-store.js';

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) in `dataDir`, or in memory when
 * `dataDir` is undefined (created when missing). Needs no separate server; one process at a time per
 * data dir. The first start in a new folder runs initdb (several seconds).
 */
export async function openPgliteInstallationStore(dataDir?: string): Promise<InstallationStore> {
  // PGlite does not create missing parents, and a folder it created itself can end up half-initialised.
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
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
