/** A dialog id as the host writes it: `chat<N>` for a chat, the plain user id for a private dialog. */
export function isDialogId(value: unknown): value is string {
  return typeof value === 'string' && /^(chat\d+|\d+)$/.test(value);
}
