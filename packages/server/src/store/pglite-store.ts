import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { InstallationStore } from './installation.js';
import type { SqlDriver, SqlQueryable } from './sql-driver.js';
import { createSqlInstallationStore } from './sql-installation-store.js';
import { lockStoreFolder } from './store-lock.js';

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) in `dataDir`, or in memory when
 * `dataDir` is undefined (created when missing). Needs no separate server. One process per data dir,
 * enforced: `<dataDir>.lock` names the holder, and a second opener gets `StoreLockedError`. The first
 * start in a new folder runs initdb (several seconds).
 */
export async function openPgliteInstallationStore(dataDir?: string): Promise<InstallationStore> {
  const driver = await openPgliteDriver(dataDir);
  try {
    return await createSqlInstallationStore(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The embedded database itself (what `openPgliteInstallationStore` runs on), for sharing one PGlite between
 * the installation store and the job queue: a data dir is opened by one process, once.
 */
export async function openPgliteDriver(dataDir?: string): Promise<SqlDriver> {
  let release = () => {};
  if (dataDir !== undefined) {
    // PGlite does not create missing parents, and a folder it created itself can end up half-initialised.
    mkdirSync(dataDir, { recursive: true });
    release = lockStoreFolder(resolve(dataDir));
  }
  try {
    const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
    await db.waitReady;
    const queryable = (client: SqlQueryable): SqlQueryable => client;
    const driver: SqlDriver = {
      query: (sql, params) => db.query(sql, params ? [...params] : undefined),
      transaction: (work) =>
        db.transaction((tx) =>
          work(queryable({ query: (sql, params) => tx.query(sql, params ? [...params] : undefined) })),
        ),
      script: async (sql) => {
        const results = await db.exec(sql);
        return { rows: results.at(-1)?.rows ?? [] };
      },
      close: async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
    return driver;
  } catch (error) {
    release();
    throw error;
  }
}
