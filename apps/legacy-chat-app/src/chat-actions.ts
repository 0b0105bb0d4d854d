import type { ChatApp, ChatAppLaunch } from '@imkit/frame/legacy';

/** What the page asks of the old messenger host: `connectChatApp()`'s client fits it, and so do test fakes. */
export type ChatActions = Pick<ChatApp, 'send' | 'put' | 'openDialog' | 'close'>;

/** The parts of the launch the page shows (from `parseChatAppLaunch(location.search)`). */
export type LaunchSummary = Pick<ChatAppLaunch, 'dialogId' | 'context' | 'lang'>;
