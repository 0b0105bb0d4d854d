/**
 * Adds a message to a chat, persists it, pushes it to the shell at once (SSE `message`) and raises the
 * app events it causes (ONIMBOTMESSAGEADD).
 */
import { raiseBotMessageEvents } from './bot-message-event.js';
import type { EmulatorRuntime } from './runtime.js';
import { findLinks } from './state/links.js';
import { dialogIdFor } from './state/portal-queries.js';
import type { MessageParams, PortalChat, PortalMessage } from './state/portal-state.js';

export interface NewMessage {
  readonly authorId: number;
  readonly text: string;
  readonly system?: boolean;
  readonly params?: MessageParams;
  /** The `auth_connector` of the REST call that posts it (offline queues of that source skip its events). */
  readonly authConnector?: string;
}

export function postMessage(runtime: EmulatorRuntime, chat: PortalChat, input: NewMessage): PortalMessage {
  const state = runtime.state;
  const message: PortalMessage = {
    id: state.nextId.message++,
    chatId: chat.id,
    authorId: input.system ? 0 : input.authorId,
    date: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    text: input.text,
    system: input.system ?? false,
    params: input.params ?? {},
    links: input.params?.URL_PREVIEW === 'N' ? [] : findLinks(input.text),
  };
  state.messages.push(message);
  runtime.store.save();
  runtime.events.emit('message', {
    chatId: chat.id,
    dialogId: dialogIdFor(chat, state.currentUserId),
    message,
  });
  // Delivered in the background, as the host does; each outcome is counted in runtime.stats.
  void raiseBotMessageEvents(runtime, chat, message, input.authConnector);
  return message;
}
