/**
 * A broadcast is one `batch` request with one `im.message.add` per chosen chat; each chat gets its own
 * result (message id or error), because a command's failure in a batch doesn't fail the others.
 */

import { asId, type ErrorInfo, toErrorInfo } from '@imkit/app-kit';
import type { BatchItemResult, RestCommand } from '@imkit/frame';

/** The host runs at most 50 commands per batch; more would need a second request. */
export const broadcastLimit = 50;

export type BroadcastResult =
  | { readonly dialogId: string; readonly ok: true; readonly messageId: number }
  | { readonly dialogId: string; readonly ok: false; readonly error: ErrorInfo };

const keyOf = (index: number) => `to${index}`;

export function broadcastCommands(
  dialogIds: readonly string[],
  message: string,
): Record<string, RestCommand> {
  const commands: Record<string, RestCommand> = {};
  dialogIds.forEach((dialogId, index) => {
    commands[keyOf(index)] = { method: 'im.message.add', params: { DIALOG_ID: dialogId, MESSAGE: message } };
  });
  return commands;
}

export function readBroadcast(
  dialogIds: readonly string[],
  results: Readonly<Record<string, BatchItemResult>>,
): BroadcastResult[] {
  return dialogIds.map((dialogId, index) => {
    const entry = results[keyOf(index)];
    if (!entry)
      return { dialogId, ok: false, error: { code: 'NO_RESULT', description: 'The batch gave no answer' } };
    if (!entry.ok) return { dialogId, ok: false, error: toErrorInfo(entry.error) };
    return { dialogId, ok: true, messageId: asId(entry.result) };
  });
}
