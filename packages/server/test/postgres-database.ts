import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL that scripts/with-postgres.sh started for this run, or '' when there is none. */
export const testDatabaseUrl = process.env.IMKIT_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';

export interface ThrowawayDatabase {
  /** Connection string of a database no other test file uses. */
  readonly url: string;
  /** Ends every connection to it and drops it. */
  drop(): Promise<void>;
}

/**
 * Creates a new, empty database on the test cluster, so test files running in parallel never see each
 * other's rows, schemas or job queues. Throws when no cluster was given (guard with `testDatabaseUrl`).
 */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  if (testDatabaseUrl === '') throw new Error('no test PostgreSQL: run through scripts/with-postgres.sh');
  const name = `imkit_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
