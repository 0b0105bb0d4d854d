export { type Installation, InstallationConflictError, type InstallationStore } from './installation.js';
export { migrations } from './migrations.js';
export { openPgliteInstallationStore } from './pglite-store.js';
export { openPostgresInstallationStore } from './postgres-store.js';
