export {
  type Installation,
  InstallationConflictError,
  type InstallationInput,
  type InstallationStore,
  type InstallationUpdate,
  StoreLockedError,
} from './installation.js';
export { migrations } from './migrations.js';
export { openPgliteDriver, openPgliteInstallationStore } from './pglite-store.js';
export { openPostgresDriver, openPostgresInstallationStore } from './postgres-store.js';
export type { SqlDriver, SqlQueryable } from './sql-driver.js';
export { createSqlInstallationStore } from './sql-installation-store.js';
