/** imopenlines.* methods over the seeded open-line chat and its session. */

import { MethodError } from '../../method-error.js';
import { postMessage } from '../../post-message.js';
import { displayName, findChat, findUser, parseDialogId } from '../../state/portal-queries.js';
import type { OpenLineSession, PortalChat } from '../../state/portal-state.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { paramFlag, paramInt, paramString } from '../param-readers.js';
import { imChatView } from './im-views.js';

const accessError = () => new MethodError(400, 'ACCESS_ERROR', "You don't have access to this chat");
const wrongChat = () =>
  new MethodError(400, 'WRONG_CHAT', 'The chat is not an open-line chat with a session');

function dialogGet(call: MethodCall): Record<string, unknown> {
  const p = call.params;
  const state = call.runtime.state;
  let chat: PortalChat | undefined;
  if (paramInt(p.CHAT_ID) > 0) chat = findChat(state, paramInt(p.CHAT_ID));
  else if (paramString(p.DIALOG_ID) !== '') {
    const ref = parseDialogId(paramString(p.DIALOG_ID));
    chat = ref.kind === 'chat' ? findChat(state, ref.chatId) : undefined;
  } else if (paramInt(p.SESSION_ID) > 0)
    chat = state.chats.find((c) => c.session?.id === paramInt(p.SESSION_ID));
  else if (paramString(p.USER_CODE) !== '') {
    const code = paramString(p.USER_CODE).replace(/^imol\|/, '');
    chat = state.chats.find((c) => c.session?.userCode === code);
  } else throw new MethodError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty");
  if (chat === undefined || !chat.members.includes(call.auth.user.id)) throw accessError();
  return imChatView(state, chat, call.auth.user.id);
}

function sessionChat(call: MethodCall): { chat: PortalChat; session: OpenLineSession } {
  const chatId = paramInt(call.params.CHAT_ID);
  if (chatId <= 0) throw new MethodError(400, 'CHAT_ID_EMPTY', "Chat ID can't be empty");
  const chat = findChat(call.runtime.state, chatId);
  if (chat === undefined || chat.kind !== 'lines' || chat.session === null) throw wrongChat();
  return { chat, session: chat.session };
}

function required(call: MethodCall, key: string): string {
  const value = paramString(call.params[key]).trim();
  if (value === '' || value === '0')
    throw new MethodError(400, 'ERROR_ARGUMENT', `Argument ${key} is null or empty`, { argument: key });
  return value;
}

function crmMessageAdd(call: MethodCall): number {
  const entityType = required(call, 'CRM_ENTITY_TYPE').toUpperCase();
  const entityId = paramInt(required(call, 'CRM_ENTITY'));
  const userId = paramInt(required(call, 'USER_ID'));
  const chatId = paramInt(required(call, 'CHAT_ID'));
  const message = required(call, 'MESSAGE');
  const chat = findChat(call.runtime.state, chatId);
  const crm = chat?.session?.crm;
  if (chat === undefined || !crm || crm.entityType !== entityType || crm.entityId !== entityId)
    throw new MethodError(400, 'CHAT_NOT_IN_CRM', 'Chat does not belong to the CRM entity being checked');
  if (!chat.members.includes(userId))
    throw new MethodError(400, 'CANCELED', 'You cannot send messages to the specified chat');
  return postMessage(call.runtime, chat, { authorId: userId, text: message }).id;
}

function botOf(call: MethodCall, chat: PortalChat): number {
  const bot = chat.members.find((id) => findUser(call.runtime.state, id)?.isBot === true);
  return bot ?? call.auth.user.id;
}

function sessionMessageSend(call: MethodCall): true {
  const { chat } = sessionChat(call);
  const text = paramString(call.params.MESSAGE);
  if (text.trim() === '') throw new MethodError(400, 'MESSAGE_EMPTY', "Message can't be empty");
  const name = paramString(call.params.NAME).toUpperCase();
  if (name !== '' && name !== 'WELCOME' && name !== 'DEFAULT')
    throw new MethodError(400, 'NAME_ERROR', 'NAME must be WELCOME or DEFAULT');
  postMessage(call.runtime, chat, { authorId: botOf(call, chat), text });
  return true;
}

function sessionTransfer(call: MethodCall): true {
  const { chat, session } = sessionChat(call);
  const state = call.runtime.state;
  const userId = paramInt(call.params.USER_ID);
  const queueId = paramInt(call.params.QUEUE_ID);
  if (userId <= 0 && queueId <= 0) throw new MethodError(400, 'USER_ID_EMPTY', "User ID can't be empty");
  let text: string;
  if (userId > 0) {
    const user = findUser(state, userId);
    if (user === undefined || user.isBot || user.isExtranet) throw wrongChat();
    session.operatorId = userId;
    if (!chat.members.includes(userId)) chat.members.push(userId);
    text = `The conversation was transferred to ${displayName(user)}`;
  } else {
    text = `The conversation was transferred to open line #${queueId}`;
  }
  session.status = 'transferred';
  if (paramFlag(call.params.LEAVE, false)) {
    const bot = botOf(call, chat);
    const index = chat.members.indexOf(bot);
    if (index >= 0 && findUser(state, bot)?.isBot) chat.members.splice(index, 1);
  }
  postMessage(call.runtime, chat, { authorId: 0, text, system: true });
  call.runtime.changed();
  return true;
}

function sessionFinish(call: MethodCall): true {
  const { chat, session } = sessionChat(call);
  session.status = 'closed';
  postMessage(call.runtime, chat, { authorId: 0, text: 'The conversation was closed', system: true });
  call.runtime.changed();
  return true;
}

export const imopenlinesMethods: MethodTable = {
  'imopenlines.dialog.get': { scope: 'imopenlines', run: dialogGet },
  'imopenlines.crm.message.add': { scope: 'imopenlines', run: crmMessageAdd },
  'imopenlines.bot.session.message.send': { scope: 'imopenlines', run: sessionMessageSend },
  'imopenlines.bot.session.transfer': { scope: 'imopenlines', run: sessionTransfer },
  'imopenlines.bot.session.finish': { scope: 'imopenlines', run: sessionFinish },
};
