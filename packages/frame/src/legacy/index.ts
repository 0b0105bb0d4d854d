/**
 * `@imkit/frame/legacy` — the browser client for legacy chat apps (`imbot.app.register` with IFRAME):
 * `connectChatApp()` and `parseChatAppLaunch()`. Zero dependencies.
 */
export { type ChatApp, type ChatAppOptions, connectChatApp } from './chat-app-client.js';
export { ChatAppError, type ChatAppErrorCode } from './chat-app-error.js';
export { type ChatAppLaunch, parseChatAppLaunch } from './chat-app-launch.js';
