/** `@imkit/cli` — the `imkit` command as a function, for scripts and tests. */
export { defaultIo, type ImkitIo, imkitUsage, runImkit, serveEnv, serveUsage } from './run-imkit.js';
