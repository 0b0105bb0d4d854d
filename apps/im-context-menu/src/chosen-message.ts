/**
 * The message the user opened the context menu on. The host only sends `dialogId` and `messageId`
 * (strings); the message itself comes from `im.dialog.messages.get` with FIRST_ID = messageId − 1 and
 * LIMIT 1, which answers the first message after FIRST_ID: the chosen one.
 */

import { asId, parseDialogId, parseMessagePage } from '@imkit/app-kit';
import type { RestCaller } from '@imkit/frame';

export interface ChosenMessage {
  readonly id: number;
  readonly dialogId: string;
  /** 0 for system messages. */
  readonly authorId: number;
  /** '' when the host did not describe the author (system messages). */
  readonly authorName: string;
  /** ISO 8601 (ATOM) date as the host sent it. */
  readonly date: string;
  readonly text: string;
}

/** Thrown (and shown with its code) when the chosen message is not in the host's answer. */
export class MessageNotFoundError extends Error {
  override readonly name = 'MessageNotFoundError';
  readonly code = 'MESSAGE_ID_ERROR';
  readonly description: string;
  constructor(messageId: string) {
    super(`message ${messageId} was not found in the chat`);
    this.description = this.message;
  }
}

/** Thrown when the host launched the app without a usable `dialogId` (`chat12` or a user id). */
export class DialogIdError extends Error {
  override readonly name = 'DialogIdError';
  readonly code = 'DIALOG_ID_EMPTY';
  readonly description: string;
  constructor(dialogId: unknown) {
    super(`dialogId ${JSON.stringify(dialogId) ?? 'undefined'} is not a chat (chatN) or a user id`);
    this.description = this.message;
  }
}

export async function loadChosenMessage(
  rest: RestCaller,
  dialogId: string,
  messageId: string,
): Promise<ChosenMessage> {
  if (!parseDialogId(dialogId)) throw new DialogIdError(dialogId);
  const id = asId(messageId);
  if (id === 0) throw new MessageNotFoundError(messageId);
  const page = parseMessagePage(
    await rest.call('im.dialog.messages.get', { DIALOG_ID: dialogId, FIRST_ID: id - 1, LIMIT: 1 }),
  );
  const found = page.messages.find((m) => m.id === id);
  if (!found) throw new MessageNotFoundError(messageId);
  const { authorId, date, text } = found;
  const authorName = authorId === 0 ? '' : (page.users.get(authorId)?.name ?? `#${authorId}`);
  return { id, dialogId, authorId, authorName, date, text };
}
