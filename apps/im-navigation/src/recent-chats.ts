/** The search over the recent chats (`loadRecentChats` of the kit reads them). */
import type { RecentChat } from '@imkit/app-kit';

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
