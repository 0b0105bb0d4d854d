/**
 * ONIMBOTMESSAGEADD (bitrix24/b24restdocs api-reference/chat-bots/outdated/messages/events/
 * on-imbot-message-add.md): a message to a bot in a private dialog, or mentioning it (`[USER=<id>]`) in a
 * group chat, raised for each such bot of the portal with `data[BOT][<id>]` (the bot's auth, BOT_ID,
 * BOT_CODE), `data[PARAMS]` and `data[USER]` (the author). System messages and the bot's own are skipped.
 */
import { type AppEvent, eventAuth, raiseAppEvent } from './app-events.js';
import type { EventDelivery } from './event-delivery.js';
import type { EmulatorRuntime } from './runtime.js';
import { findUser } from './state/portal-queries.js';
import type { PortalChat, PortalMessage, PortalUser } from './state/portal-state.js';

function yn(flag: boolean): 'Y' | 'N' {
  return flag ? 'Y' : 'N';
}

function botsAddressed(runtime: EmulatorRuntime, chat: PortalChat, message: PortalMessage): PortalUser[] {
  return chat.members
    .map((id) => findUser(runtime.state, id))
    .filter((user): user is PortalUser => user?.isBot === true && user.id !== message.authorId)
    .filter((bot) => chat.kind === 'private' || message.text.includes(`[USER=${bot.id}]`));
}

function botMessageEvent(
  runtime: EmulatorRuntime,
  chat: PortalChat,
  message: PortalMessage,
  bot: PortalUser,
  author: PortalUser,
  authConnector: string | undefined,
): AppEvent {
  const botAuth = { ...eventAuth(runtime, bot.id), client_id: runtime.state.portal.clientId };
  const isPrivate = chat.kind === 'private';
  return {
    name: 'ONIMBOTMESSAGEADD',
    userId: author.id,
    ...(authConnector === undefined ? {} : { authConnector }),
    data: {
      BOT: {
        [String(bot.id)]: { ...botAuth, AUTH: botAuth, BOT_ID: String(bot.id), BOT_CODE: bot.botCode ?? '' },
      },
      PARAMS: {
        MESSAGE: message.text,
        MESSAGE_TYPE: isPrivate ? 'P' : 'C',
        FROM_USER_ID: String(author.id),
        DIALOG_ID: isPrivate ? String(author.id) : `chat${chat.id}`,
        TO_CHAT_ID: String(chat.id),
        AUTHOR_ID: String(author.id),
        SYSTEM: 'N',
        ...(isPrivate ? { TO_USER_ID: String(bot.id) } : {}),
        CHAT_USER_COUNT: String(chat.members.length),
        MESSAGE_ID: String(message.id),
        CHAT_TYPE: isPrivate ? 'P' : 'C',
        LANGUAGE: runtime.state.portal.lang,
      },
      USER: {
        ID: String(author.id),
        NAME: `${author.name} ${author.lastName}`.trim(),
        FIRST_NAME: author.name,
        LAST_NAME: author.lastName,
        WORK_POSITION: author.workPosition,
        GENDER: author.gender,
        IS_BOT: yn(author.isBot),
        IS_CONNECTOR: 'N',
        IS_NETWORK: 'N',
        IS_EXTRANET: yn(author.isExtranet),
      },
    },
  };
}

/** Raises ONIMBOTMESSAGEADD for every bot the message is addressed to; resolves once all are delivered. */
export function raiseBotMessageEvents(
  runtime: EmulatorRuntime,
  chat: PortalChat,
  message: PortalMessage,
  authConnector?: string,
): Promise<EventDelivery[]> {
  const author = findUser(runtime.state, message.authorId);
  const subscribed = runtime.state.eventBindings.some((b) => b.event === 'ONIMBOTMESSAGEADD');
  if (message.system || author === undefined || !subscribed) return Promise.resolve([]);
  const events = botsAddressed(runtime, chat, message).map((bot) =>
    raiseAppEvent(runtime, botMessageEvent(runtime, chat, message, bot, author, authConnector)),
  );
  return Promise.all(events).then((lists) => lists.flat());
}
