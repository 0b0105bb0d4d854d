/**
 * The facts templates need, read with one `batch`: the open dialog (`im.dialog.get`: its title), the
 * current user (`user.current`: `{me}`) and, in a private dialog, the other user (`im.user.get`:
 * `{recipient}`). A command that fails leaves its variables empty and is reported, the rest still fill.
 */
import {
  asRecord,
  type ErrorInfo,
  type JsonRecord,
  parseDialogId,
  readString,
  toErrorInfo,
} from '@imkit/app-kit';
import type { BatchItemResult, RestCaller, RestCommand } from '@imkit/frame';
import type { TemplateVars } from './templates.js';

export interface DialogFacts {
  readonly vars: TemplateVars;
  /** Commands that failed, with their errors (the batch itself succeeded). */
  readonly problems: readonly ErrorInfo[];
}

function resultOf(entry: BatchItemResult | undefined, problems: ErrorInfo[]): JsonRecord | null {
  if (entry?.ok === false) problems.push(toErrorInfo(entry.error));
  return entry?.ok ? asRecord(entry.result) : null;
}

const text = (record: JsonRecord | null, key: string): string => readString(record, key).trim();

/** Today's date written for the interface language (`22 November 2026`, `22 ноября 2026 г.`). */
export function formatToday(lang: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(now);
  }
}

export async function loadDialogFacts(
  rest: RestCaller,
  dialogId: string,
  lang: string,
  now: Date,
): Promise<DialogFacts> {
  const dialog = parseDialogId(dialogId);
  if (!dialog) {
    throw Object.assign(new Error(`The host sent an unreadable dialogId "${dialogId}"`), {
      code: 'DIALOG_ID_EMPTY',
    });
  }
  const commands: Record<string, RestCommand> = {
    dialog: { method: 'im.dialog.get', params: { DIALOG_ID: dialogId } },
    me: { method: 'user.current' },
  };
  if (dialog.kind === 'user') commands.user = { method: 'im.user.get', params: { ID: dialog.userId } };
  const results = await rest.batch(commands);
  const problems: ErrorInfo[] = [];
  const chat = resultOf(results.dialog, problems);
  const me = resultOf(results.me, problems);
  const user = resultOf(results.user, problems);
  const title = text(chat, 'title') || text(chat, 'name');
  const recipient = dialog.kind === 'user' ? text(user, 'first_name') || text(user, 'name') : title;
  return {
    vars: {
      recipient,
      chat: title || text(user, 'name'),
      date: formatToday(lang, now),
      me: text(me, 'NAME'),
    },
    problems,
  };
}
