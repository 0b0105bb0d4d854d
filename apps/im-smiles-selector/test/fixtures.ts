/** A fake IM_SMILES_SELECTOR frame; im.message.add checks ATTACH the way the host does (an IMAGE needs a LINK). */
import { createFakeFrame, type RestHandler } from '@imkit/app-kit/testing';
import { RestError } from '@imkit/frame';

export const stickerBase = 'https://apps.example.com/im-smiles-selector/stickers/';

let nextMessageId = 700;

const messageAdd: RestHandler = (params) => {
  const attach = params.ATTACH;
  const image = Array.isArray(attach) ? (attach[0] as { IMAGE?: { LINK?: unknown } }).IMAGE : undefined;
  if (typeof image?.LINK !== 'string' || !image.LINK.startsWith('https://')) {
    throw new RestError({
      code: 'ATTACH_ERROR',
      description: 'Attach is invalid',
      status: 400,
      method: 'im.message.add',
    });
  }
  nextMessageId += 1;
  return nextMessageId;
};

export function stickerFrame(
  setup: { lang?: string; userOptions?: Record<string, string>; rest?: Record<string, RestHandler> } = {},
) {
  return createFakeFrame({
    placement: 'IM_SMILES_SELECTOR',
    options: { dialogId: 'chat12' },
    lang: setup.lang ?? 'en',
    userOptions: setup.userOptions ?? {},
    rest: { 'im.message.add': messageAdd, ...setup.rest },
  });
}
