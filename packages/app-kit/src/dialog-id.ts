/**
 * Reads a `dialogId` as the host sends it in PLACEMENT_OPTIONS: `chat12` is group chat 12, a plain
 * number is the private dialog with that user. Anything else is `null`.
 */

export type DialogRef =
  | { readonly kind: 'chat'; readonly chatId: number }
  | { readonly kind: 'user'; readonly userId: number };

export function parseDialogId(dialogId: unknown): DialogRef | null {
  if (typeof dialogId !== 'string') return null;
  const match = /^(chat)?([1-9]\d{0,14})$/.exec(dialogId.trim());
  if (!match?.[2]) return null;
  const id = Number(match[2]);
  return match[1] ? { kind: 'chat', chatId: id } : { kind: 'user', userId: id };
}
