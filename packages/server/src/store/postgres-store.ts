import pg from 'pg';
import type { InstallationStore } from './installation.js';
import {
  cacheInstallations,
  installationCacheOptions,
  type StoreCacheOptions,
} from './installation-cache.js';
import { listenInstallationChanges } from './installation-changes.js';
import type { SqlDriver } from './sql-driver.js';
import { createSqlInstallationStore } from './sql-installation-store.js';
import { storeCircuit } from './store-unavailable.js';

export interface PostgresStoreOptions extends StoreCacheOptions {
  /** Bound of getting a connection and of each query, in ms (then `StoreUnavailableError`). Default 5000. */
  readonly timeoutMs?: number;
  /** Connections in the pool. Default 5. */
  readonly poolSize?: number;
  /** Connection losses and recoveries, one line each (never the connection string). Default: console.log. */
  readonly log?: (line: string) => void;
}

function bounded(name: string, value: number | undefined, fallback: number, max: number): number {
  const chosen = value ?? fallback;
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > max) {
    throw new RangeError(`store: ${name} must be an integer from 1 to ${max}, got ${chosen}`);
  }
  return chosen;
}

/**
 * PostgreSQL through `pg` (a pool on `connectionString`), for deployments with several server instances.
 * Lookups go through a per-process installation cache that every process invalidates over
 * `LISTEN imkit_installations` (migration 5's trigger notifies on each change); while that connection
 * is down the cache is bypassed. When the database is unreachable, calls fail within `timeoutMs` — and
 * for a second after a failure at once — with `StoreUnavailableError`; the pool reconnects by itself.
 * The job queue runs on the same pool (`store.sql`).
 */
export async function openPostgresInstallationStore(
  connectionString: string,
  options: PostgresStoreOptions = {},
): Promise<InstallationStore> {
  const timeoutMs = bounded('timeoutMs', options.timeoutMs, 5000, 600_000);
  const cacheOptions = installationCacheOptions(options);
  const log = options.log ?? ((line: string) => console.log(line));
  const driver = openPostgresDriver(connectionString, options);
  let store: InstallationStore;
  try {
    store = await createSqlInstallationStore(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  const cache = cacheInstallations(store, cacheOptions);
  if (cacheOptions.maxEntries === 0) return store;
  let firstLive: () => void = () => undefined;
  const live = new Promise<void>((resolve) => {
    firstLive = resolve;
  });
  const feed = listenInstallationChanges(
    connectionString,
    {
      onChange: cache.evict,
      onLive: () => {
        cache.resume();
        firstLive();
      },
      onLost: cache.suspend,
      log,
    },
    { timeoutMs },
  );
  // Serve at once; the cache joins in when LISTEN is in place (normally before the first request).
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([live, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  return {
    ...cache.store,
    async close() {
      await feed.close();
      await store.close();
    },
  };
}

/**
 * A `pg` pool on `connectionString` as a `SqlDriver` (bounded, with the fail-fast circuit), what the store
 * and the job queue share.
 */
export function openPostgresDriver(
  connectionString: string,
  options: Pick<PostgresStoreOptions, 'timeoutMs' | 'poolSize'> = {},
): SqlDriver {
  const timeoutMs = bounded('timeoutMs', options.timeoutMs, 5000, 600_000);
  const pool = new pg.Pool({
    connectionString,
    max: bounded('poolSize', options.poolSize, 5, 1000),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    keepAlive: true,
  });
  // An idle connection that breaks (database restarted) is dropped from the pool; unhandled, it would end
  // the process.
  pool.on('error', () => undefined);
  const circuit = storeCircuit(1000);
  const driver: SqlDriver = {
    query: (sql, params) => circuit(() => pool.query(sql, params ? [...params] : undefined)),
    transaction: (work) =>
      circuit(async () => {
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
      }),
    script: (sql) =>
      circuit(async () => {
        const answer: pg.QueryResult | pg.QueryResult[] = await pool.query(sql);
        const last = Array.isArray(answer) ? answer.at(-1) : answer;
        return { rows: last?.rows ?? [] };
      }),
    close: () => pool.end(),
  };
  return driver;
}
