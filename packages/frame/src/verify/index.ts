/**
 * `@imkit/frame/verify` — server only (Node 20+). Checks the signatures of legacy chat-app launches
 * (`imbot.app.register` IFRAME apps, HOST-PROTOCOL.md §5) and the application token of install events.
 * By job: hashes.ts (DOMAIN_HASH / USER_HASH, constant-time comparison), launch-query.ts (reading the
 * launch query), verify.ts (`verifyChatAppLaunch`, `verifyApplicationToken`), sign.ts (`signChatAppLaunch`).
 * The launch query's keys come from one table, `chatAppLaunchQuery` (host-model/chat-app-query.ts).
 */
export type { ChatAppLaunch } from '../chat-app-launch.js';
export { constantTimeEqual, domainHash, userHash } from './hashes.js';
export type { LaunchQuery } from './launch-query.js';
export { type ChatAppLaunchInput, signChatAppLaunch } from './sign.js';
export {
  type LaunchFailure,
  type LaunchVerification,
  type UnverifiedChatAppLaunch,
  type VerifiedChatAppLaunch,
  type VerifyLaunchOptions,
  verifyApplicationToken,
  verifyChatAppLaunch,
} from './verify.js';
