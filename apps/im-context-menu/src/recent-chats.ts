/**
 * The chats a follow-up can go to: the user's recent list (`im.recent.list`, `{items[], hasMore}`),
 * each with its kind and, for open-line chats saved in CRM, the CRM binding that makes
 * `imopenlines.crm.message.add` possible.
 */

import { asArray, asRecord, type JsonRecord, readId, readString } from '@imkit/app-kit';
import type { RestCaller } from '@imkit/frame';
import type { ChatType } from '@imkit/frame/placements';
import { type CrmBinding, parseCrmBinding } from './crm-binding.js';
import { isDialogId } from './dialog-id.js';

export interface RecentChat {
  /** `chat12` or a user id. */
  readonly dialogId: string;
  /** Numeric chat id (0 when the host gave none). */
  readonly chatId: number;
  readonly title: string;
  readonly kind: ChatType;
  /** Set for open-line chats bound to a CRM entity. */
  readonly crm: CrmBinding | null;
}

function kindOf(item: JsonRecord, chat: JsonRecord | null): ChatType {
  const type = readString(chat, 'type');
  const entityType = readString(chat, 'entity_type');
  if (type === 'lines' || entityType === 'LINES') return 'LINES';
  if (type === 'crm' || entityType === 'CRM') return 'CRM';
  return readString(item, 'type') === 'user' || type === 'private' ? 'USER' : 'CHAT';
}

function parseRecentItem(value: unknown): RecentChat | null {
  const item = asRecord(value);
  const dialogId = readString(item, 'id');
  if (!item || !isDialogId(dialogId)) return null;
  const chat = asRecord(item.chat);
  const kind = kindOf(item, chat);
  return {
    dialogId,
    chatId: readId(item, 'chat_id') || readId(chat, 'id'),
    title: readString(item, 'title') || readString(chat, 'name') || dialogId,
    kind,
    crm: kind === 'LINES' ? parseCrmBinding(readString(chat, 'entity_data_1')) : null,
  };
}

/** Reads an `im.recent.list` result; unreadable items are skipped, never thrown on. */
export function parseRecentChats(result: unknown): RecentChat[] {
  const chats: RecentChat[] = [];
  for (const item of asArray(asRecord(result)?.items)) {
    const chat = parseRecentItem(item);
    if (chat) chats.push(chat);
  }
  return chats;
}

export async function loadRecentChats(rest: RestCaller): Promise<RecentChat[]> {
  return parseRecentChats(await rest.call('im.recent.list', {}));
}
