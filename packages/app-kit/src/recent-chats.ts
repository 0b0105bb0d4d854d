/**
 * The user's recent chats: `loadRecentChats(frame.rest)` calls `im.recent.list` and reads its answer
 * (`{ items: [...] }`; older portals answer the array itself). Items without a usable dialog id are
 * skipped, never thrown on.
 */
import type { RestCaller } from '@imkit/frame';
import type { ChatType } from '@imkit/frame/placements';
import { chatKind } from './chat-kind.js';
import { parseDialogId } from './dialog-id.js';
import { asArray, asRecord, readId, readString } from './json.js';
import { type CrmBinding, parseOpenLineData } from './open-line-data.js';

export interface RecentChat {
  /** `chat12` for a group chat, `5` for a private dialog — what `openMessenger` and `im.message.add` take. */
  readonly dialogId: string;
  /** Numeric chat id (what the open-line methods call CHAT_ID); 0 when the host gave none. */
  readonly chatId: number;
  readonly title: string;
  readonly kind: ChatType;
  readonly unread: number;
  readonly lastMessage: string;
  /** ISO date of the last message, or '' when the chat has none. */
  readonly lastDate: string;
  readonly color: string;
  /** Set for open-line chats saved in CRM. */
  readonly crm: CrmBinding | null;
}

function parseRecentItem(value: unknown): RecentChat | null {
  const item = asRecord(value);
  const dialogId = readString(item, 'id');
  if (!item || !parseDialogId(dialogId)) return null;
  const chat = asRecord(item.chat);
  const user = asRecord(item.user);
  const message = asRecord(item.message);
  const kind = chatKind(chat, dialogId);
  return {
    dialogId,
    chatId: readId(item, 'chat_id') || readId(chat, 'id'),
    title: readString(item, 'title') || readString(chat, 'name') || readString(user, 'name') || dialogId,
    kind,
    unread: readId(item, 'counter'),
    lastMessage: readString(message, 'text'),
    lastDate: readString(message, 'date') || readString(item, 'date_update'),
    color:
      readString(asRecord(item.avatar), 'color') || readString(chat, 'color') || readString(user, 'color'),
    crm: kind === 'LINES' ? parseOpenLineData(readString(chat, 'entity_data_1')).crm : null,
  };
}

/** Reads an `im.recent.list` result. */
export function parseRecentChats(result: unknown): RecentChat[] {
  const items = Array.isArray(result) ? result : asArray(asRecord(result)?.items);
  return items.map(parseRecentItem).filter((chat): chat is RecentChat => chat !== null);
}

export async function loadRecentChats(rest: Pick<RestCaller, 'call'>): Promise<RecentChat[]> {
  return parseRecentChats(await rest.call('im.recent.list', {}));
}
