/**
 * The open chat as this app sees it, read from `im.dialog.get`. The frame only gives `dialogId`
 * (`chat12` or a user id); whether the chat is a private dialog, a group chat, an open-line chat or a
 * CRM chat comes from the chat's `type` and `entity_type`.
 */

import {
  asRecord,
  chatKind,
  type OpenLineData,
  parseDialogId,
  parseOpenLineData,
  readId,
  readString,
} from '@imkit/app-kit';
import type { ChatType } from '@imkit/frame/placements';

export interface ChatInfo {
  readonly dialogId: string;
  /** Numeric chat id (what the open-line methods call CHAT_ID); 0 when the host did not give one. */
  readonly chatId: number;
  readonly title: string;
  /** The chat kind as the placement `context` option names it. */
  readonly kind: ChatType;
  /** Members of the chat as the host counts them (`user_counter`); 0 when not given. */
  readonly memberCount: number;
  /** Set for open-line chats only. */
  readonly openLine: OpenLineData | null;
}

/** Reads an `im.dialog.get` result; never throws (missing fields fall back to what `dialogId` tells). */
export function parseChatInfo(dialogId: string, result: unknown): ChatInfo {
  const record = asRecord(result);
  const kind = chatKind(record, dialogId);
  const dialog = parseDialogId(dialogId);
  return {
    dialogId,
    chatId: readId(record, 'id') || (dialog?.kind === 'chat' ? dialog.chatId : 0),
    title: readString(record, 'title') || readString(record, 'name') || dialogId,
    kind,
    memberCount: readId(record, 'user_counter'),
    openLine: kind === 'LINES' ? parseOpenLineData(readString(record, 'entity_data_1')) : null,
  };
}
