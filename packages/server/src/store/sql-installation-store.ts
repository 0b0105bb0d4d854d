import {
  type Installation,
  InstallationConflictError,
  type InstallationInput,
  type InstallationStore,
  type InstallationUpdate,
} from './installation.js';
import { applyMigrations } from './migrations.js';
import type { SqlDriver } from './sql-driver.js';

interface InstallationRow {
  member_id: string;
  domain: string;
  portal_origin: string;
  access_token: string;
  refresh_token: string;
  access_expires_at: Date | string | null;
  scope: string;
  application_token: string;
  chat_app_hash: string;
  hash_rotated_at: Date | string;
  chat_app_ids: unknown;
  launch_token_required: boolean;
  needs_reinstall: boolean;
  epoch: number | string;
  installed_at: Date | string;
}

/** The written columns, in the order of `valuesOf`. */
const written = [
  'member_id',
  'domain',
  'portal_origin',
  'access_token',
  'refresh_token',
  'access_expires_at',
  'scope',
  'application_token',
  'chat_app_hash',
  'hash_rotated_at',
  'chat_app_ids',
  'launch_token_required',
  'needs_reinstall',
  'installed_at',
] as const;
const columns = `${written.join(', ')}, epoch`;

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function idsOf(value: unknown): number[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? list.filter((id): id is number => Number.isSafeInteger(id)) : [];
}

function fromRow(row: InstallationRow): Installation {
  return {
    memberId: row.member_id,
    domain: row.domain,
    portalOrigin: row.portal_origin,
    accessToken: row.access_token,
    refreshToken: row.refresh_token,
    accessExpiresAt: row.access_expires_at === null ? null : toDate(row.access_expires_at),
    scope: row.scope,
    applicationToken: row.application_token,
    chatAppHash: row.chat_app_hash,
    hashRotatedAt: toDate(row.hash_rotated_at),
    chatAppIds: idsOf(row.chat_app_ids),
    launchTokenRequired: row.launch_token_required === true,
    needsReinstall: row.needs_reinstall === true,
    epoch: Number(row.epoch),
    installedAt: toDate(row.installed_at),
  };
}

function valuesOf(installation: InstallationInput): unknown[] {
  return [
    installation.memberId,
    installation.domain,
    installation.portalOrigin,
    installation.accessToken,
    installation.refreshToken,
    installation.accessExpiresAt,
    installation.scope,
    installation.applicationToken,
    installation.chatAppHash,
    installation.hashRotatedAt,
    JSON.stringify(installation.chatAppIds),
    installation.launchTokenRequired,
    installation.needsReinstall ?? false,
    installation.installedAt,
  ];
}

/** PostgreSQL's unique_violation on the domain; PGlite and `pg` both report `code` and `constraint`. */
function isDomainTaken(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && typeof constraint === 'string' && constraint.includes('domain');
}

async function domainChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDomainTaken(error)) throw new InstallationConflictError('domain');
    throw error;
  }
}

const updatable: Readonly<Record<keyof InstallationUpdate, string>> = {
  accessToken: 'access_token',
  refreshToken: 'refresh_token',
  accessExpiresAt: 'access_expires_at',
  scope: 'scope',
  launchTokenRequired: 'launch_token_required',
  chatAppIds: 'chat_app_ids',
};

/**
 * The installation store over any `SqlDriver`; migrations are applied before it is returned. Each write is
 * a single conditional statement (`ON CONFLICT DO NOTHING`, `WHERE epoch = $n`), atomic in PostgreSQL and
 * in PGlite, so racing writers cannot both win.
 */
export async function createSqlInstallationStore(db: SqlDriver): Promise<InstallationStore> {
  await applyMigrations(db);
  const findOne = async (where: string, value: string): Promise<Installation | null> => {
    const result = await db.query<InstallationRow>(
      `SELECT ${columns} FROM imkit_installations WHERE ${where} = $1`,
      [value],
    );
    const row = result.rows[0];
    return row === undefined ? null : fromRow(row);
  };
  const placeholders = written.map((_, index) => `$${index + 1}`).join(', ');
  return {
    insert: (installation) =>
      domainChecked(async () => {
        const result = await db.query<InstallationRow>(
          `INSERT INTO imkit_installations (${written.join(', ')}, epoch, updated_at)
           VALUES (${placeholders}, 1, now())
           ON CONFLICT (member_id) DO NOTHING
           RETURNING ${columns}`,
          valuesOf(installation),
        );
        const row = result.rows[0];
        return row === undefined ? null : fromRow(row);
      }),
    replace: (installation, expectedEpoch) =>
      domainChecked(async () => {
        const sets = written
          .slice(1)
          .map((column, index) => `${column} = $${index + 2}`)
          .join(', ');
        const result = await db.query<InstallationRow>(
          `UPDATE imkit_installations SET ${sets}, epoch = epoch + 1, updated_at = now()
           WHERE member_id = $1 AND epoch = $${written.length + 1}
           RETURNING ${columns}`,
          [...valuesOf(installation), expectedEpoch],
        );
        const row = result.rows[0];
        return row === undefined ? null : fromRow(row);
      }),
    async update(memberId, expectedEpoch, changes) {
      const entries = (Object.keys(updatable) as (keyof InstallationUpdate)[]).filter(
        (key) => changes[key] !== undefined,
      );
      if (entries.length === 0) {
        const current = await findOne('member_id', memberId);
        return current !== null && current.epoch === expectedEpoch;
      }
      const values = entries.map((key) =>
        key === 'chatAppIds' ? JSON.stringify(changes[key]) : changes[key],
      );
      const sets = entries.map((key, index) => `${updatable[key]} = $${index + 3}`).join(', ');
      const result = await db.query<{ member_id: string }>(
        `UPDATE imkit_installations SET ${sets}, updated_at = now()
         WHERE member_id = $1 AND epoch = $2 RETURNING member_id`,
        [memberId, expectedEpoch, ...values],
      );
      return result.rows.length > 0;
    },
    findByMemberId: (memberId) => findOne('member_id', memberId),
    findByDomain: (domain) => findOne('domain', domain),
    async listHashesOlderThan(before, limit) {
      const result = await db.query<InstallationRow>(
        `SELECT ${columns} FROM imkit_installations WHERE hash_rotated_at < $1
         ORDER BY hash_rotated_at, member_id LIMIT $2`,
        [before, limit],
      );
      return result.rows.map(fromRow);
    },
    async delete(memberId, expectedEpoch) {
      const result =
        expectedEpoch === undefined
          ? await db.query<{ member_id: string }>(
              'DELETE FROM imkit_installations WHERE member_id = $1 RETURNING member_id',
              [memberId],
            )
          : await db.query<{ member_id: string }>(
              'DELETE FROM imkit_installations WHERE member_id = $1 AND epoch = $2 RETURNING member_id',
              [memberId, expectedEpoch],
            );
      return result.rows.length > 0;
    },
    sql: db,
    close: () => db.close(),
  };
}
