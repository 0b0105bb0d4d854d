import { type Installation, InstallationConflictError, type InstallationStore } from './installation.js';
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
  installed_at: Date | string;
}

const columns =
  'member_id, domain, portal_origin, access_token, refresh_token, access_expires_at, scope, application_token, chat_app_hash, installed_at';

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
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
    installedAt: toDate(row.installed_at),
  };
}

/** PostgreSQL's unique_violation on the domain; PGlite and `pg` both report `code` and `constraint`. */
function isDomainTaken(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && typeof constraint === 'string' && constraint.includes('domain');
}

/** The installation store over any `SqlDriver`; migrations are applied before it is returned. */
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
  return {
    async save(installation) {
      try {
        await db.query(
          `INSERT INTO imkit_installations (${columns}, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
           ON CONFLICT (member_id) DO UPDATE SET
             domain = EXCLUDED.domain, portal_origin = EXCLUDED.portal_origin,
             access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
             access_expires_at = EXCLUDED.access_expires_at, scope = EXCLUDED.scope,
             application_token = EXCLUDED.application_token, chat_app_hash = EXCLUDED.chat_app_hash,
             updated_at = now()`,
          [
            installation.memberId,
            installation.domain,
            installation.portalOrigin,
            installation.accessToken,
            installation.refreshToken,
            installation.accessExpiresAt,
            installation.scope,
            installation.applicationToken,
            installation.chatAppHash,
            installation.installedAt,
          ],
        );
      } catch (error) {
        if (isDomainTaken(error)) throw new InstallationConflictError('domain');
        throw error;
      }
    },
    findByMemberId: (memberId) => findOne('member_id', memberId),
    findByDomain: (domain) => findOne('domain', domain),
    async delete(memberId) {
      const result = await db.query<{ member_id: string }>(
        'DELETE FROM imkit_installations WHERE member_id = $1 RETURNING member_id',
        [memberId],
      );
      return result.rows.length > 0;
    },
    close: () => db.close(),
  };
}
