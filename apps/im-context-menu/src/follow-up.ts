/**
 * The follow-up itself: the parameters of `im.message.add` (the note as MESSAGE, an ATTACH that quotes
 * the chosen message — author, time, text — and links back to it, a KEYBOARD button that opens the
 * source chat) and of `imopenlines.crm.message.add` (no ATTACH there: the quote goes into the text).
 * Pure: the store checks the result and sends it.
 */
import type { CrmBinding } from '@imkit/app-kit';
import type { Attach, AttachBlock, KeyboardButton } from '@imkit/frame/messages';
import type { ChosenMessage } from './chosen-message.js';
import { messageLink } from './message-link.js';

/** The longest note the form accepts. */
export const maxNoteLength = 1000;
/** The quote is cut to this many characters (the original stays one click away). */
export const maxQuoteLength = 1500;

export interface FollowUpLabels {
  /** MESSAGE when the user wrote no note. */
  readonly defaultNote: string;
  readonly sentAt: string;
  readonly openMessage: string;
  readonly openChat: string;
  readonly system: string;
}

export interface FollowUpInput {
  readonly message: ChosenMessage;
  readonly note: string;
  readonly portalOrigin: string;
  /** The message's date as the user reads it. */
  readonly when: string;
  readonly labels: FollowUpLabels;
}

export interface MessageAddParams {
  readonly DIALOG_ID: string;
  readonly MESSAGE: string;
  readonly ATTACH: Attach;
  readonly KEYBOARD: readonly KeyboardButton[];
  readonly URL_PREVIEW: 'N';
}

export interface CrmMessageAddParams {
  readonly CRM_ENTITY_TYPE: CrmBinding['entityType'];
  readonly CRM_ENTITY: number;
  readonly USER_ID: number;
  readonly CHAT_ID: number;
  readonly MESSAGE: string;
}

export function quoteOf(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > maxQuoteLength ? `${trimmed.slice(0, maxQuoteLength - 1)}…` : trimmed;
}

function noteOf(input: FollowUpInput): string {
  return input.note.trim() || input.labels.defaultNote;
}

export function buildMessageAdd(targetDialogId: string, input: FollowUpInput): MessageAddParams {
  const { message, labels } = input;
  const link = messageLink(input.portalOrigin, message.dialogId, message.id);
  const quote = quoteOf(message.text);
  const blocks: AttachBlock[] = [
    {
      USER: {
        NAME: message.authorName || labels.system,
        ...(message.authorId ? { USER_ID: message.authorId } : {}),
      },
    },
    { GRID: [{ NAME: labels.sentAt, VALUE: input.when, DISPLAY: 'LINE' }] },
    ...(quote ? [{ MESSAGE: quote }] : []),
    { LINK: { NAME: labels.openMessage, LINK: link } },
  ];
  return {
    DIALOG_ID: targetDialogId,
    MESSAGE: noteOf(input),
    ATTACH: { ID: 1, COLOR: '#2fc6f6', BLOCKS: blocks },
    KEYBOARD: [{ TEXT: labels.openChat, ACTION: 'DIALOG', ACTION_VALUE: message.dialogId, DISPLAY: 'LINE' }],
    URL_PREVIEW: 'N',
  };
}

export function buildCrmMessageAdd(
  target: { readonly chatId: number; readonly crm: CrmBinding },
  userId: number,
  input: FollowUpInput,
): CrmMessageAddParams {
  const { message, labels } = input;
  const author = message.authorName || labels.system;
  const lines = [
    noteOf(input),
    '',
    `[B]${author}[/B], ${input.when}:`,
    quoteOf(message.text),
    messageLink(input.portalOrigin, message.dialogId, message.id),
  ];
  return {
    CRM_ENTITY_TYPE: target.crm.entityType,
    CRM_ENTITY: target.crm.entityId,
    USER_ID: userId,
    CHAT_ID: target.chatId,
    MESSAGE: lines.filter((line, i) => i < 2 || line !== '').join('\n'),
  };
}
