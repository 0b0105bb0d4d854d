/**
 * What kind of chat a host chat record describes (`im.dialog.get`, or the `chat` of an `im.recent.list`
 * item): an open line, a CRM chat, a private dialog or a group chat — the kinds the placement `context`
 * option names.
 */
import type { ChatType } from '@imkit/frame/placements';
import { parseDialogId } from './dialog-id.js';
import { type JsonRecord, readString } from './json.js';

export function chatKind(chat: JsonRecord | null, dialogId: string): ChatType {
  const type = readString(chat, 'type');
  const entityType = readString(chat, 'entity_type');
  if (type === 'lines' || entityType === 'LINES') return 'LINES';
  if (type === 'crm' || entityType === 'CRM') return 'CRM';
  if (type === 'private' || parseDialogId(dialogId)?.kind !== 'chat') return 'USER';
  return 'CHAT';
}
