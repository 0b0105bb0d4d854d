/**
 * A link that opens a message in the portal's chat: `<portal>/online/?IM_DIALOG=<dialogId>&IM_MESSAGE=<id>`.
 * The portal origin comes from the frame context, never from the message, so the link cannot point
 * anywhere else.
 */
export function messageLink(portalOrigin: string, dialogId: string, messageId: number): string {
  const url = new URL('/online/', portalOrigin);
  url.searchParams.set('IM_DIALOG', dialogId);
  url.searchParams.set('IM_MESSAGE', String(messageId));
  return url.toString();
}
