/** `@imkit/server` — the handler server for imkit chat apps (Hono, Web-standard Request/Response). */

export { type AppMount, type AppSource, discoverAppMounts, type LaunchKind } from './app-mounts.js';
export {
  type ChatAppPortals,
  type RotationReport,
  registerChatApp,
  rotateChatAppHashes,
} from './chat-app-hash-rotation.js';
export { ConfigError, readServerConfig, type ServerConfig } from './config.js';
export {
  confirmInstallWithOAuth,
  type InstallClaim,
  type InstallConfirmation,
  type InstallConfirmer,
  type InstallDoubt,
} from './install-confirmation.js';
export { generateChatAppHash } from './install-events.js';
export type { AppEvent, AppEventHandler } from './jobs/app-events.js';
export {
  type AppEventJob,
  type ApplyPlacementsJob,
  createInstallJobs,
  type InstallJobs,
  type InstallJobsOptions,
  jobQueues,
  type StopOptions,
  type UninstallCleanupJob,
} from './jobs/install-jobs.js';
export {
  type InstallationRestFactory,
  type InstallationRestOptions,
  installationRestFactory,
} from './jobs/installation-rest.js';
export type { OfflineDrainLimits, OfflineEventRecord } from './jobs/offline-events.js';
export { type ListeningServer, type ListenOptions, listenServer } from './listen.js';
export {
  createOAuthClient,
  defaultOAuthTokenUrl,
  type OAuthClient,
  type OAuthClientOptions,
  OAuthError,
  type OAuthFailure,
  type OAuthGrant,
} from './oauth-client.js';
export { checkDestination, isPublicAddress, OutboundError, outboundRequest } from './outbound.js';
export * from './portal/index.js';
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
