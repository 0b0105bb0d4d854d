import { describe, it } from 'vitest';
import { openPostgresInstallationStore } from '../src/store/index.js';
import { describeInstallationStore } from './installation-store.suite.js';

/** The shared suite against a real PostgreSQL, when one is given (scripts/with-postgres.sh sets it). */
const url = process.env.IMKIT_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '';

if (url === '' && process.env.CI) {
  it('runs against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the store suite against PostgreSQL: run the unit tests through scripts/with-postgres.sh',
    );
  });
}

describe.skipIf(url === '')('PostgreSQL (IMKIT_TEST_DATABASE_URL or DATABASE_URL)', () => {
  describeInstallationStore('PostgreSQL', () => openPostgresInstallationStore(url));

  it('several instances starting at once apply the migrations exactly once', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresInstallationStore(url)));
    await Promise.all(stores.map((store) => store.close()));
  }, 60_000);
});
