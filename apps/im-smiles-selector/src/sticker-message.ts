/**
 * A sticker goes to the chat as an image attachment: `im.message.add` with
 * `ATTACH: [{ IMAGE: { NAME, LINK, PREVIEW } }]`. The host's messenger loads the picture from LINK, so it
 * must be an absolute URL the app serves — built from the app's own location.
 */
import type { RestParams } from '@imkit/frame';
import type { Sticker } from './catalog.js';

/** `https://apps.example.com/im-smiles-selector/stickers/` for a page served there. */
export function stickerBaseUrl(page: string, dev: boolean): string {
  // The shared dev server serves each app folder as it is, so `public/` is part of the path there.
  return new URL(dev ? 'public/stickers/' : 'stickers/', page).toString();
}

export function stickerUrl(base: string, sticker: Sticker): string {
  return new URL(sticker.file, base).toString();
}

export function stickerMessage(dialogId: string, sticker: Sticker, name: string, base: string): RestParams {
  const link = stickerUrl(base, sticker);
  return { DIALOG_ID: dialogId, ATTACH: [{ IMAGE: { NAME: name, LINK: link, PREVIEW: link } }] };
}
