/** Lookups over the portal state: users, chats, dialog ids, chat types. */
import type { ChatType } from '@imkit/frame/placements';
import type { PortalChat, PortalState, PortalUser } from './portal-state.js';

export function findUser(state: PortalState, id: number): PortalUser | undefined {
  return state.users.find((user) => user.id === id);
}

export function findChat(state: PortalState, id: number): PortalChat | undefined {
  return state.chats.find((chat) => chat.id === id);
}

/** The dialog id a viewer uses for a chat: `chat<N>`, or the other user's id for a private dialog. */
export function dialogIdFor(chat: PortalChat, viewerId: number): string {
  if (chat.kind !== 'private') return `chat${chat.id}`;
  const other = chat.members.find((id) => id !== viewerId) ?? viewerId;
  return String(other);
}

export function findPrivateChat(state: PortalState, a: number, b: number): PortalChat | undefined {
  return state.chats.find(
    (chat) => chat.kind === 'private' && chat.members.includes(a) && chat.members.includes(b),
  );
}

export type DialogRef =
  | { readonly kind: 'chat'; readonly chatId: number }
  | { readonly kind: 'user'; readonly userId: number }
  | { readonly kind: 'invalid' };

/** Parses a dialog id: `chat12` or `5`. */
export function parseDialogId(value: unknown): DialogRef {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const chat = /^chat(\d+)$/.exec(text);
  if (chat) return { kind: 'chat', chatId: Number(chat[1]) };
  if (/^\d+$/.test(text) && Number(text) > 0) return { kind: 'user', userId: Number(text) };
  return { kind: 'invalid' };
}

/**
 * The chat a viewer means by a dialog id, or undefined when it does not exist or the viewer is not a
 * member. A private dialog with an existing user that has no messages yet is created.
 */
export function openDialog(state: PortalState, viewerId: number, dialogId: unknown): PortalChat | undefined {
  const ref = parseDialogId(dialogId);
  if (ref.kind === 'chat') {
    const chat = findChat(state, ref.chatId);
    return chat?.members.includes(viewerId) ? chat : undefined;
  }
  if (ref.kind !== 'user' || findUser(state, ref.userId) === undefined) return undefined;
  const existing = findPrivateChat(state, viewerId, ref.userId);
  if (existing) return existing;
  const chat: PortalChat = {
    id: state.nextId.chat++,
    kind: 'private',
    title: '',
    color: findUser(state, ref.userId)?.color ?? '#df532d',
    ownerId: 0,
    members: ref.userId === viewerId ? [viewerId] : [viewerId, ref.userId],
    entityType: '',
    entityId: '',
    entityData1: '',
    dateCreate: new Date().toISOString(),
    session: null,
  };
  state.chats.push(chat);
  return chat;
}

/**
 * The chat type placements' `context` is matched against; null for a private dialog with a bot, which
 * only `context=ALL` placements reach (HOST-PROTOCOL.md §1: `USER` means private dialogs, not bots).
 */
export function chatTypeOf(state: PortalState, chat: PortalChat, viewerId: number): ChatType | null {
  switch (chat.kind) {
    case 'chat':
      return 'CHAT';
    case 'lines':
      return 'LINES';
    case 'crm':
      return 'CRM';
    case 'private': {
      const other = findUser(state, Number(dialogIdFor(chat, viewerId)));
      return other?.isBot ? null : 'USER';
    }
  }
}

export function displayName(user: PortalUser): string {
  return `${user.name} ${user.lastName}`.trim();
}

/** The title a viewer sees for a chat (the other user's name for a private dialog). */
export function chatTitle(state: PortalState, chat: PortalChat, viewerId: number): string {
  if (chat.kind !== 'private') return chat.title;
  const other = findUser(state, Number(dialogIdFor(chat, viewerId)));
  return other ? displayName(other) : '';
}

/** The user the shell acts as (the first user when the state names none that exists). */
export function currentUser(state: PortalState): PortalUser {
  const user = findUser(state, state.currentUserId) ?? state.users[0];
  if (user === undefined) throw new Error('the portal state has no users');
  return user;
}
