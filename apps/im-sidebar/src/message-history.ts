/**
 * Loads a dialog's recent history page by page with `im.dialog.messages.get` (newest first; the next
 * page is asked for with LAST_ID = the smallest id seen). Bounded: at most `maxPages` requests.
 */
import { type ChatMessage, type ChatUser, type MessagePage, parseMessagePage } from '@imkit/app-kit';
import type { RestCaller } from '@imkit/frame';

export interface HistoryOptions {
  readonly pageSize?: number;
  readonly maxPages?: number;
}

/** Merges pages, dropping duplicate message ids. */
export function mergePages(pages: readonly MessagePage[]): MessagePage {
  const messages = new Map<number, ChatMessage>();
  const users = new Map<number, ChatUser>();
  for (const page of pages) {
    for (const message of page.messages) messages.set(message.id, message);
    for (const [id, user] of page.users) users.set(id, user);
  }
  return { messages: [...messages.values()].sort((a, b) => b.id - a.id), users };
}

/**
 * Continues from `first` (the page already loaded, e.g. through a batch) until a short page, an empty
 * page or `maxPages` pages in all.
 */
export async function loadHistory(
  rest: RestCaller,
  dialogId: string,
  first: MessagePage,
  { pageSize = 50, maxPages = 4 }: HistoryOptions = {},
): Promise<MessagePage> {
  const pages = [first];
  let page = first;
  while (pages.length < maxPages && page.messages.length >= pageSize) {
    const lastId = Math.min(...page.messages.map((m) => m.id));
    page = parseMessagePage(
      await rest.call('im.dialog.messages.get', { DIALOG_ID: dialogId, LAST_ID: lastId, LIMIT: pageSize }),
    );
    if (page.messages.every((m) => m.id >= lastId)) break;
    pages.push(page);
  }
  return mergePages(pages);
}
