/** im.* methods: sending messages and reading dialogs, chats, the recent list and users. */

import { MethodError } from '../../method-error.js';
import { postMessage } from '../../post-message.js';
import {
  chatTitle,
  dialogIdFor,
  findChat,
  findUser,
  openDialog,
  parseDialogId,
} from '../../state/portal-queries.js';
import type { MessageParams, PortalChat, PortalMessage } from '../../state/portal-state.js';
import { checkMessagePayload } from '../message-payload.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { paramFlag, paramInt, paramString } from '../param-readers.js';
import { imChatView, imMessageView, imUserView } from './im-views.js';

const accessError = () => new MethodError(400, 'ACCESS_ERROR', "You don't have access to this chat");

function dialogOf(call: MethodCall, key: string, emptyError: () => MethodError): PortalChat {
  const raw = paramString(call.params[key]);
  if (raw.trim() === '') throw emptyError();
  const ref = parseDialogId(raw);
  if (ref.kind === 'invalid') throw emptyError();
  if (ref.kind === 'user' && findUser(call.runtime.state, ref.userId) === undefined) throw accessError();
  const chat = openDialog(call.runtime.state, call.auth.user.id, raw);
  if (chat === undefined) throw accessError();
  return chat;
}

function messageAdd(call: MethodCall): number {
  const p = call.params;
  const raw = paramString(p.DIALOG_ID).trim();
  const isChat = raw.toLowerCase().startsWith('chat');
  const ref = parseDialogId(raw);
  if (ref.kind === 'invalid') {
    throw isChat
      ? new MethodError(400, 'CHAT_ID_EMPTY', "Chat ID can't be empty")
      : new MethodError(400, 'USER_ID_EMPTY', "User ID can't be empty");
  }
  const state = call.runtime.state;
  const known =
    ref.kind === 'user'
      ? findUser(state, ref.userId) !== undefined
      : findChat(state, ref.chatId)?.members.includes(call.auth.user.id) === true;
  if (!known) throw accessError();
  const attach = checkMessagePayload('ATTACH', p.ATTACH);
  const keyboard = checkMessagePayload('KEYBOARD', p.KEYBOARD);
  const menu = checkMessagePayload('MENU', p.MENU);
  const text = paramString(p.MESSAGE);
  if (text.trim() === '' && attach === undefined)
    throw new MethodError(400, 'MESSAGE_EMPTY', "Message can't be empty");
  const chat = openDialog(state, call.auth.user.id, raw);
  if (chat === undefined) throw accessError();
  const params: MessageParams = {
    ...(attach === undefined ? {} : { ATTACH: attach }),
    ...(keyboard === undefined ? {} : { KEYBOARD: keyboard }),
    ...(menu === undefined ? {} : { MENU: menu }),
    URL_PREVIEW: paramFlag(p.URL_PREVIEW, true) ? 'Y' : 'N',
  };
  const message = postMessage(call.runtime, chat, {
    authorId: call.auth.user.id,
    text,
    system: paramFlag(p.SYSTEM, false),
    params,
    authConnector: paramString(p.auth_connector),
  });
  return message.id;
}

const dialogEmpty = () => new MethodError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty");

function dialogGet(call: MethodCall): Record<string, unknown> {
  const chat = dialogOf(call, 'DIALOG_ID', dialogEmpty);
  return imChatView(call.runtime.state, chat, call.auth.user.id);
}

function usersOf(call: MethodCall, messages: readonly PortalMessage[]): Record<string, unknown> {
  const users: Record<string, unknown> = {};
  for (const message of messages) {
    const user = findUser(call.runtime.state, message.authorId);
    if (user) users[String(user.id)] = imUserView(user);
  }
  return users;
}

function dialogMessagesGet(call: MethodCall): Record<string, unknown> {
  const key = call.params.DIALOG_ID === undefined ? 'USER_ID' : 'DIALOG_ID';
  const chat = dialogOf(call, key, dialogEmpty);
  const limit = Math.min(50, Math.max(1, paramInt(call.params.LIMIT) || 20));
  const all = call.runtime.state.messages.filter((m) => m.chatId === chat.id).sort((a, b) => b.id - a.id);
  let selected: PortalMessage[];
  if (call.params.FIRST_ID !== undefined) {
    const firstId = paramInt(call.params.FIRST_ID);
    selected = all
      .filter((m) => m.id > firstId)
      .reverse()
      .slice(0, limit)
      .reverse();
  } else if (call.params.LAST_ID !== undefined) {
    const lastId = paramInt(call.params.LAST_ID);
    selected = all.filter((m) => m.id < lastId).slice(0, limit);
  } else {
    selected = all.slice(0, limit);
  }
  return {
    messages: selected.map(imMessageView),
    users: usersOf(call, selected),
    files: {},
    chat_id: chat.id,
  };
}

function chatGet(call: MethodCall): number | null {
  const entityType = paramString(call.params.ENTITY_TYPE).toUpperCase();
  const entityId = paramString(call.params.ENTITY_ID);
  if (entityType === '')
    throw new MethodError(400, 'ENTITY_TYPE_EMPTY', "Entity type can't be empty", {
      argument: 'ENTITY_TYPE',
    });
  if (entityId === '')
    throw new MethodError(400, 'ENTITY_ID_EMPTY', "Entity ID can't be empty", { argument: 'ENTITY_ID' });
  const type = entityType === 'LIVECHAT' ? 'LINES' : entityType;
  const chat = call.runtime.state.chats.find(
    (c) => c.entityType === type && c.entityId === entityId && c.members.includes(call.auth.user.id),
  );
  return chat?.id ?? null;
}

function lastMessage(call: MethodCall, chat: PortalChat): PortalMessage | undefined {
  let last: PortalMessage | undefined;
  for (const m of call.runtime.state.messages)
    if (m.chatId === chat.id && (!last || m.id > last.id)) last = m;
  return last;
}

function recentList(call: MethodCall): Record<string, unknown> {
  const viewer = call.auth.user.id;
  const state = call.runtime.state;
  const skipLines = paramFlag(call.params.SKIP_OPENLINES, false);
  const skipDialog = paramFlag(call.params.SKIP_DIALOG, false);
  const skipChat = paramFlag(call.params.SKIP_CHAT, false);
  const items = state.chats
    .filter((chat) => chat.members.includes(viewer))
    .filter((chat) => !(skipLines && chat.kind === 'lines'))
    .filter((chat) => !(skipDialog && chat.kind === 'private'))
    .filter((chat) => !(skipChat && chat.kind !== 'private' && chat.kind !== 'lines'))
    .map((chat) => ({ chat, last: lastMessage(call, chat) }))
    .sort((a, b) => (b.last?.id ?? 0) - (a.last?.id ?? 0))
    .map(({ chat, last }) => {
      const other = chat.kind === 'private' ? findUser(state, Number(dialogIdFor(chat, viewer))) : undefined;
      return {
        id: dialogIdFor(chat, viewer),
        chat_id: chat.id,
        type: chat.kind === 'private' ? 'user' : 'chat',
        avatar: { url: '', color: chat.color },
        title: chatTitle(state, chat, viewer),
        message: last
          ? {
              id: last.id,
              text: last.text,
              file: false,
              author_id: last.authorId,
              attach: last.params.ATTACH !== undefined,
              date: last.date,
              status: 'received',
            }
          : null,
        counter: 0,
        pinned: false,
        unread: false,
        date_update: last?.date ?? chat.dateCreate,
        ...(chat.kind === 'private' ? {} : { chat: imChatView(state, chat, viewer) }),
        user: other ? imUserView(other) : { id: 0 },
        options: [],
      };
    });
  return { items, hasMorePages: false };
}

function userGet(call: MethodCall): Record<string, unknown> {
  const id = call.params.ID === undefined ? call.auth.user.id : paramInt(call.params.ID);
  if (id <= 0) throw new MethodError(400, 'ID_EMPTY', "User ID can't be empty");
  const user = findUser(call.runtime.state, id);
  if (user === undefined) throw new MethodError(400, 'USER_NOT_FOUND', 'User not found');
  return imUserView(user);
}

export const imMethods: MethodTable = {
  'im.message.add': { scope: 'im', run: messageAdd },
  'im.dialog.get': { scope: 'im', run: dialogGet },
  'im.dialog.messages.get': { scope: 'im', run: dialogMessagesGet },
  'im.chat.get': { scope: 'im', run: chatGet },
  'im.recent.list': { scope: 'im', run: recentList },
  'im.user.get': { scope: 'im', run: userGet },
};
