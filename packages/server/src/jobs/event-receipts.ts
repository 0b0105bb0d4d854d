/**
 * Event receipts (`imkit_event_receipts`, store migration 4): one row per event identity, written in the
 * transaction that enqueues its job, so a replayed or re-drained event is never enqueued twice — across
 * processes and restarts.
 */
import type { SqlQueryable } from '../store/sql-driver.js';

/** True when `key` was recorded now; false when it already was (a duplicate: enqueue nothing). */
export async function recordEventReceipt(tx: SqlQueryable, key: string, memberId: string): Promise<boolean> {
  const inserted = await tx.query<{ event_key: string }>(
    `INSERT INTO imkit_event_receipts (event_key, member_id) VALUES ($1, $2)
     ON CONFLICT (event_key) DO NOTHING RETURNING event_key`,
    [key, memberId],
  );
  return inserted.rows.length === 1;
}

export async function hasEventReceipt(db: SqlQueryable, key: string): Promise<boolean> {
  const found = await db.query<{ event_key: string }>(
    'SELECT event_key FROM imkit_event_receipts WHERE event_key = $1',
    [key],
  );
  return found.rows.length === 1;
}

/** Drops the receipts of `memberId` older than `before` (clean-up after an uninstall, retention). */
export async function forgetEventReceipts(db: SqlQueryable, memberId: string, before: Date): Promise<void> {
  await db.query('DELETE FROM imkit_event_receipts WHERE member_id = $1 AND received_at < $2', [
    memberId,
    before,
  ]);
}
