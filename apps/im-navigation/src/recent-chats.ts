/**
 * Reads `im.recent.list` into the rows the dashboard shows. The answer is `{ items: [...] }` (older portals
 * answer the array itself); rows the app cannot read are skipped rather than crashing the list.
 */

export interface RecentChat {
  /** `chat12` for a group chat, `5` for a private dialog — what `openMessenger` and `im.message.add` take. */
  readonly dialogId: string;
  readonly title: string;
  /** `user`, `chat`, `lines`, `crm`, … as the host names the chat type. */
  readonly kind: string;
  readonly unread: number;
  readonly lastMessage: string;
  /** ISO date of the last message, or '' when the chat has none. */
  readonly lastDate: string;
  readonly color: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function readItem(item: unknown): RecentChat | null {
  if (!isObject(item)) return null;
  const id = item.id;
  const dialogId = typeof id === 'number' ? String(id) : text(id);
  if (!/^(chat)?\d+$/.test(dialogId)) return null;
  const chat = isObject(item.chat) ? item.chat : {};
  const user = isObject(item.user) ? item.user : {};
  const message = isObject(item.message) ? item.message : {};
  const avatar = isObject(item.avatar) ? item.avatar : {};
  const counter = Number(item.counter);
  return {
    dialogId,
    title: text(item.title) || text(chat.name) || text(user.name) || dialogId,
    kind: text(chat.type) || text(item.type) || (dialogId.startsWith('chat') ? 'chat' : 'user'),
    unread: Number.isFinite(counter) && counter > 0 ? Math.floor(counter) : 0,
    lastMessage: text(message.text),
    lastDate: text(message.date) || text(item.date_update),
    color: text(avatar.color) || text(chat.color) || text(user.color),
  };
}

export function readRecentList(result: unknown): RecentChat[] {
  const items = Array.isArray(result)
    ? result
    : isObject(result) && Array.isArray(result.items)
      ? result.items
      : [];
  return items.map(readItem).filter((chat): chat is RecentChat => chat !== null);
}

/** Chats whose title or last message contains the query (case-insensitive); all of them for an empty query. */
export function filterChats(chats: readonly RecentChat[], query: string): readonly RecentChat[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return chats;
  return chats.filter(
    (chat) =>
      chat.title.toLocaleLowerCase().includes(needle) ||
      chat.lastMessage.toLocaleLowerCase().includes(needle),
  );
}
