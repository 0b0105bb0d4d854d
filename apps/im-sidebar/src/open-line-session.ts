/**
 * The open-line session panel's REST calls (docs: imopenlines-*.txt, bot-platform-docs "Open Channels"):
 * dialog info and CRM binding (`imopenlines.dialog.get`), a canned automatic message
 * (`imopenlines.bot.session.message.send`), a transfer to an operator or a queue
 * (`imopenlines.bot.session.transfer`) and finishing the session (`imopenlines.bot.session.finish`).
 * Inputs are checked before any call; a bad one comes back as a typed problem naming the field.
 */

import {
  asArray,
  asId,
  asRecord,
  type OpenLineData,
  parseOpenLineData,
  readId,
  readString,
} from '@imkit/app-kit';
import type { RestCaller } from '@imkit/frame';

export interface OpenLineSession {
  readonly chatId: number;
  readonly title: string;
  /** `entity_id`, the open-line user code such as `livechat|1|1363|203`. */
  readonly userCode: string;
  readonly data: OpenLineData;
  /** Operator (manager) user ids of the chat. */
  readonly operators: readonly number[];
}

/** The automatic-message types `imopenlines.bot.session.message.send` knows (its NAME). */
export type AutoMessageName = 'WELCOME' | 'DEFAULT';

export type TransferTarget =
  | { readonly kind: 'operator'; readonly userId: number }
  | { readonly kind: 'queue'; readonly queueId: number };

/** A problem with the panel's input, found before calling the host. */
export interface InputProblem {
  readonly field: 'message' | 'targetId' | 'chatId';
  readonly code: 'REQUIRED' | 'NOT_A_POSITIVE_INTEGER' | 'TOO_LONG';
}

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: InputProblem };

/** The longest automatic message the panel sends. */
export const maxAutoMessageLength = 4000;

export async function loadOpenLineSession(rest: RestCaller, chatId: number): Promise<OpenLineSession> {
  const record = asRecord(await rest.call('imopenlines.dialog.get', { CHAT_ID: chatId }));
  return {
    chatId: readId(record, 'id') || chatId,
    title: readString(record, 'name') || readString(record, 'title'),
    userCode: readString(record, 'entity_id'),
    data: parseOpenLineData(readString(record, 'entity_data_1')),
    operators: asArray(record?.manager_list)
      .map(asId)
      .filter((id) => id > 0),
  };
}

export function checkAutoMessage(text: string): Checked<string> {
  const message = text.trim();
  if (message === '') return { ok: false, problem: { field: 'message', code: 'REQUIRED' } };
  if (message.length > maxAutoMessageLength)
    return { ok: false, problem: { field: 'message', code: 'TOO_LONG' } };
  return { ok: true, value: message };
}

export function checkTransferTarget(kind: TransferTarget['kind'], idText: string): Checked<TransferTarget> {
  const text = idText.trim();
  if (text === '') return { ok: false, problem: { field: 'targetId', code: 'REQUIRED' } };
  const id = asId(text);
  if (id <= 0) return { ok: false, problem: { field: 'targetId', code: 'NOT_A_POSITIVE_INTEGER' } };
  return { ok: true, value: kind === 'operator' ? { kind, userId: id } : { kind, queueId: id } };
}

function checkChatId(chatId: number): void {
  if (!Number.isSafeInteger(chatId) || chatId <= 0) {
    throw new TypeError('chatId must be a positive integer (the open-line chat was not identified)');
  }
}

export async function sendAutoMessage(
  rest: RestCaller,
  chatId: number,
  name: AutoMessageName,
  message: string,
): Promise<void> {
  checkChatId(chatId);
  await rest.call('imopenlines.bot.session.message.send', { CHAT_ID: chatId, NAME: name, MESSAGE: message });
}

export async function transferSession(
  rest: RestCaller,
  chatId: number,
  target: TransferTarget,
): Promise<void> {
  checkChatId(chatId);
  const to = target.kind === 'operator' ? { USER_ID: target.userId } : { QUEUE_ID: target.queueId };
  await rest.call('imopenlines.bot.session.transfer', { CHAT_ID: chatId, ...to, LEAVE: 'N' });
}

export async function finishSession(rest: RestCaller, chatId: number): Promise<void> {
  checkChatId(chatId);
  await rest.call('imopenlines.bot.session.finish', { CHAT_ID: chatId });
}
