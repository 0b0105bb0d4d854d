export {
  type Installation,
  InstallationConflictError,
  type InstallationInput,
  type InstallationStore,
  type InstallationUpdate,
  StoreLockedError,
} from './installation.js';
export {
  type CachedInstallationStore,
  cacheInstallations,
  type InstallationCacheOptions,
  type StoreCacheOptions,
} from './installation-cache.js';
export {
  type InstallationChangeFeed,
  type InstallationChangeHandlers,
  type InstallationChangeOptions,
  installationChannel,
  listenInstallationChanges,
} from './installation-changes.js';
export { migrations } from './migrations.js';
export { openPgliteDriver, openPgliteInstallationStore } from './pglite-store.js';
export {
  openPostgresDriver,
  openPostgresInstallationStore,
  type PostgresStoreOptions,
} from './postgres-store.js';
export type { SqlDriver, SqlQueryable } from './sql-driver.js';
export { createSqlInstallationStore } from './sql-installation-store.js';
export type { StoreReadiness } from './store-readiness.js';
export { isConnectionFailure, StoreUnavailableError } from './store-unavailable.js';
