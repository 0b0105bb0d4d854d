import pg from 'pg';
import type { InstallationStore } from './installation.js';
import type { SqlDriver } from './sql-driver.js';
import { createSqlInstallationStore } from './sql-installation-store.js';

/** PostgreSQL through `pg` (a pool on `connectionString`), for deployments with several server instances. */
export async function openPostgresInstallationStore(connectionString: string): Promise<InstallationStore> {
  const driver = openPostgresDriver(connectionString);
  try {
    return await createSqlInstallationStore(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}

/** A `pg` pool on `connectionString` as a `SqlDriver`, for sharing between the store and the job queue. */
export function openPostgresDriver(connectionString: string, max = 5): SqlDriver {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 10_000,
    query_timeout: 10_000,
  });
  const driver: SqlDriver = {
    query: async (sql, params) => pool.query(sql, params ? [...params] : undefined),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async (sql, params) => client.query(sql, params ? [...params] : undefined),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async script(sql) {
      const answer: pg.QueryResult | pg.QueryResult[] = await pool.query(sql);
      const last = Array.isArray(answer) ? answer.at(-1) : answer;
      return { rows: last?.rows ?? [] };
    },
    close: () => pool.end(),
  };
  return driver;
}
