/** Users, chats and messages written the way the im REST methods return them. */
import { chatTitle, dialogIdFor, displayName, findUser } from '../../state/portal-queries.js';
import type { PortalChat, PortalMessage, PortalState, PortalUser } from '../../state/portal-state.js';

export function imUserView(user: PortalUser): Record<string, unknown> {
  return {
    id: user.id,
    name: displayName(user),
    first_name: user.name,
    last_name: user.lastName,
    work_position: user.workPosition,
    color: user.color,
    avatar: '',
    gender: user.gender,
    birthday: '',
    extranet: user.isExtranet,
    network: false,
    bot: user.isBot,
    connector: false,
    external_auth_id: user.isBot ? 'bot' : 'default',
    status: 'online',
    idle: false,
    last_activity_date: false,
    mobile_last_date: false,
    departments: user.isExtranet || user.isBot ? [] : [1],
    absent: false,
    phones: { work_phone: '', personal_mobile: '', personal_phone: '' },
  };
}

export function imMessageView(message: PortalMessage): Record<string, unknown> {
  const params = Object.keys(message.params).length === 0 ? null : message.params;
  return {
    id: message.id,
    chat_id: message.chatId,
    author_id: message.authorId,
    date: message.date,
    text: message.text,
    params,
  };
}

const chatTypes: Record<PortalChat['kind'], string> = {
  private: 'private',
  chat: 'chat',
  lines: 'lines',
  crm: 'crm',
};

const messageTypes: Record<PortalChat['kind'], string> = { private: 'P', chat: 'C', lines: 'L', crm: 'C' };

export function imChatView(state: PortalState, chat: PortalChat, viewerId: number): Record<string, unknown> {
  return {
    id: chat.id,
    dialog_id: dialogIdFor(chat, viewerId),
    name: chatTitle(state, chat, viewerId),
    owner: chat.ownerId,
    extranet: chat.members.some((id) => findUser(state, id)?.isExtranet === true),
    avatar: '',
    color: chat.color,
    type: chatTypes[chat.kind],
    entity_type: chat.entityType,
    entity_id: chat.entityId,
    entity_data_1: chat.entityData1,
    entity_data_2: '',
    entity_data_3: '',
    date_create: chat.dateCreate,
    message_type: messageTypes[chat.kind],
    manager_list: chat.kind === 'lines' && chat.session ? [chat.session.operatorId] : [],
    user_counter: chat.members.length,
  };
}
