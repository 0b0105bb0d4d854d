import { pendingMigrations } from './migrations.js';
import type { SqlQueryable } from './sql-driver.js';

/** What `/readyz` reports about the store. */
export type StoreReadiness =
  | { readonly ready: true }
  | { readonly ready: false; readonly reason: 'store-unreachable' | 'migrations-pending' };

/**
 * Reads the applied migrations within `timeoutMs`: ready when the query answered in time and every
 * migration this code knows is applied. Never throws.
 */
export async function checkStoreReadiness(db: SqlQueryable, timeoutMs: number): Promise<StoreReadiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  try {
    const pending = await Promise.race([pendingMigrations(db), late]);
    if (pending === 'late') return { ready: false, reason: 'store-unreachable' };
    return pending.length === 0 ? { ready: true } : { ready: false, reason: 'migrations-pending' };
  } catch {
    return { ready: false, reason: 'store-unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
