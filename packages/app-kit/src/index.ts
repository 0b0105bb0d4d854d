/**
 * `@imkit/app-kit`: what every imkit chat app would otherwise repeat. Import `@imkit/app-kit/base.css`
 * once in `main.tsx` for the shared look.
 */
export { type AppStore, useAppStore } from './app-store.js';
export { bootApp } from './boot-app.js';
export { chatKind } from './chat-kind.js';
export { type DialogRef, parseDialogId } from './dialog-id.js';
export { type ChatMessage, type ChatUser, type MessagePage, parseMessagePage } from './dialog-messages.js';
export { type ErrorInfo, toErrorInfo } from './error-info.js';
export { formatDate } from './format-date.js';
export { FrameBoot, type FrameBootProps, type PlacementFrame } from './frame-boot.js';
export { baseLanguage, createI18n, interpolate, type Messages, type Translate, type Vars } from './i18n.js';
export {
  asArray,
  asId,
  asRecord,
  type JsonRecord,
  parseJson,
  readBoolean,
  readId,
  readString,
} from './json.js';
export {
  type CrmBinding,
  type CrmEntityType,
  type OpenLineData,
  parseOpenLineData,
} from './open-line-data.js';
export { loadRecentChats, parseRecentChats, type RecentChat } from './recent-chats.js';
export { idle, type Remote, track } from './remote.js';
export { describeRestError } from './rest-error-text.js';
export { Empty, ErrorNotice, type ErrorNoticeProps, Loading } from './state-views.js';
