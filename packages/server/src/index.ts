/** `@imkit/server` — the handler server for imkit chat apps (Hono, Web-standard Request/Response). */
export { type AppMount, type AppSource, discoverAppMounts, type LaunchKind } from './app-mounts.js';
export { ConfigError, readServerConfig, type ServerConfig } from './config.js';
export type {
  InstallClaim,
  InstallConfirmation,
  InstallConfirmer,
  InstallDoubt,
} from './install-confirmation.js';
export { generateChatAppHash } from './install-events.js';
export { type ListeningServer, listenServer } from './listen.js';
export { confirmInstallWithPortal, type PortalConfirmationOptions } from './portal-confirmation.js';
export { Refusal } from './refusal.js';
export { createServer, ServerConfigError, type ServerOptions } from './server.js';
export {
  type ChatAppSession,
  maxSessionSeconds,
  signChatAppSession,
  verifyChatAppSession,
} from './session-token.js';
export { runServerCli, type ServerEnv, type StartedServer, startServer } from './start-server.js';
export * from './store/index.js';
