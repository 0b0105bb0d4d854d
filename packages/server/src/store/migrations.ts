import type { SqlDriver } from './sql-driver.js';

/**
 * The one schema of the installation store, as ordered migrations. Append new ones; never edit an applied
 * one. Applied at start inside a transaction holding an advisory lock, so several server instances
 * starting at once against one PostgreSQL apply each migration exactly once.
 */
export const migrations: readonly { readonly version: number; readonly sql: readonly string[] }[] = [
  {
    version: 1,
    sql: [
      `CREATE TABLE imkit_installations (
        member_id text PRIMARY KEY,
        domain text NOT NULL UNIQUE,
        portal_origin text NOT NULL,
        access_token text NOT NULL,
        refresh_token text NOT NULL DEFAULT '',
        access_expires_at timestamptz NULL,
        scope text NOT NULL DEFAULT '',
        application_token text NOT NULL,
        chat_app_hash text NOT NULL UNIQUE,
        installed_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 2,
    sql: [
      'ALTER TABLE imkit_installations ADD COLUMN epoch bigint NOT NULL DEFAULT 1',
      'ALTER TABLE imkit_installations ADD COLUMN hash_rotated_at timestamptz NOT NULL DEFAULT now()',
      "ALTER TABLE imkit_installations ADD COLUMN chat_app_ids jsonb NOT NULL DEFAULT '[]'::jsonb",
      'ALTER TABLE imkit_installations ADD COLUMN launch_token_required boolean NOT NULL DEFAULT false',
    ],
  },
  {
    version: 3,
    sql: [
      'ALTER TABLE imkit_installations ADD COLUMN needs_reinstall boolean NOT NULL DEFAULT false',
      // The portal's request bucket, shared by every process: its level and when it was last written.
      `CREATE TABLE imkit_rate_budgets (
        member_id text PRIMARY KEY,
        level double precision NOT NULL,
        at timestamptz NOT NULL
      )`,
      // Methods close to the host's operating-time limit, held back until reset_at.
      `CREATE TABLE imkit_operating_times (
        member_id text NOT NULL,
        method text NOT NULL,
        operating double precision NOT NULL,
        reset_at timestamptz NOT NULL,
        PRIMARY KEY (member_id, method)
      )`,
    ],
  },
  {
    version: 4,
    sql: [
      `CREATE TABLE imkit_event_receipts (
        event_key text PRIMARY KEY,
        member_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX imkit_event_receipts_member ON imkit_event_receipts (member_id, received_at)',
    ],
  },
];

/** An arbitrary constant naming the migration lock (`pg_advisory_xact_lock`). */
const migrationLock = 0x696d6b69;

/** Applies the migrations not yet recorded in `imkit_schema_migrations`; returns the versions applied. */
export async function applyMigrations(db: SqlDriver): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS imkit_schema_migrations (
        version integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const done = await tx.query<{ version: number }>('SELECT version FROM imkit_schema_migrations');
    const applied = new Set(done.rows.map((row) => Number(row.version)));
    const now: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.sql) await tx.query(statement);
      await tx.query('INSERT INTO imkit_schema_migrations (version) VALUES ($1)', [migration.version]);
      now.push(migration.version);
    }
    return now;
  });
}
