/**
 * A page of a dialog's messages, read from `im.dialog.messages.get` (`{messages[], users{}, files{}}`):
 * each message with its author, date, text and raw `params` (attachments, keyboards), and the users the
 * answer describes. Entries it cannot read are skipped, never thrown on.
 */
import { asArray, asRecord, readBoolean, readId, readString } from './json.js';

export interface ChatMessage {
  readonly id: number;
  /** 0 for system messages. */
  readonly authorId: number;
  /** ISO 8601 (ATOM) date as the host sent it. */
  readonly date: string;
  readonly text: string;
  /** The message's `params` as the host sent them (`ATTACH`, `KEYBOARD`, …), unread. */
  readonly params: unknown;
}

export interface ChatUser {
  readonly id: number;
  readonly name: string;
  readonly bot: boolean;
  readonly avatar: string;
}

export interface MessagePage {
  readonly messages: readonly ChatMessage[];
  readonly users: ReadonlyMap<number, ChatUser>;
}

function parseMessage(value: unknown): ChatMessage | null {
  const record = asRecord(value);
  const id = readId(record, 'id');
  if (!record || id === 0) return null;
  return {
    id,
    authorId: readId(record, 'author_id'),
    date: readString(record, 'date'),
    text: readString(record, 'text'),
    params: record.params,
  };
}

function parseUser(value: unknown): ChatUser | null {
  const record = asRecord(value);
  const id = readId(record, 'id');
  if (!record || id === 0) return null;
  const name =
    readString(record, 'name') ||
    [readString(record, 'first_name'), readString(record, 'last_name')].filter(Boolean).join(' ') ||
    `#${id}`;
  return { id, name, bot: readBoolean(record, 'bot'), avatar: readString(record, 'avatar') };
}

export function parseMessagePage(result: unknown): MessagePage {
  const record = asRecord(result);
  const messages: ChatMessage[] = [];
  for (const item of asArray(record?.messages)) {
    const message = parseMessage(item);
    if (message) messages.push(message);
  }
  const users = new Map<number, ChatUser>();
  const rawUsers = record?.users;
  const userList = Array.isArray(rawUsers) ? rawUsers : Object.values(asRecord(rawUsers) ?? {});
  for (const item of userList) {
    const user = parseUser(item);
    if (user) users.set(user.id, user);
  }
  return { messages, users };
}
