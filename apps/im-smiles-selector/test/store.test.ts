import { describe, expect, it } from 'vitest';
import { stickers } from '../src/catalog.js';
import { recentOption } from '../src/recent.js';
import { createStickerStore } from '../src/store.js';
import { stickerBase, stickerFrame } from './fixtures.js';

const rocket = stickers.find((s) => s.id === 'rocket') ?? stickers[0]!;

describe('sticker store', () => {
  it('sends a sticker to the dialog and remembers it in the user options', async () => {
    const frame = stickerFrame({ lang: 'ru' });
    const store = createStickerStore(frame, stickerBase);
    expect(store.getState().tab).toBe('faces');
    await store.getState().sendSticker(rocket);
    const call = frame.calls.find((c) => c.command === 'rest:im.message.add');
    expect(call?.args[0]).toEqual({
      DIALOG_ID: 'chat12',
      ATTACH: [
        { IMAGE: { NAME: 'Запуск', LINK: `${stickerBase}rocket.svg`, PREVIEW: `${stickerBase}rocket.svg` } },
      ],
    });
    expect(store.getState().outcome).toMatchObject({
      status: 'ready',
      data: { kind: 'sticker', name: 'Запуск' },
    });
    expect(frame.userOptions.get(recentOption)).toBe('["s:rocket"]');

    const reloaded = createStickerStore(frame, stickerBase);
    expect(reloaded.getState()).toMatchObject({ tab: 'recent', recent: ['s:rocket'] });
  });

  it('inserts an emoji into the message input', async () => {
    const frame = stickerFrame();
    const store = createStickerStore(frame, stickerBase);
    await store.getState().insertEmoji({ char: '👍', names: { en: 'thumbs up', ru: 'класс' } });
    expect(frame.textareaContent).toBe('👍');
    expect(store.getState().recent).toEqual(['e:👍']);
  });

  it('shows a refused send and does not remember the sticker', async () => {
    const frame = stickerFrame({
      rest: {
        'im.message.add': () => Promise.reject(Object.assign(new Error('x'), { code: 'ACCESS_ERROR' })),
      },
    });
    const store = createStickerStore(frame, stickerBase);
    await store.getState().sendSticker(rocket);
    expect(store.getState().outcome).toMatchObject({ status: 'error', error: { code: 'ACCESS_ERROR' } });
    expect(store.getState().recent).toEqual([]);
    expect(frame.calls.some((c) => c.command === 'userOptions.set')).toBe(false);
  });

  it('keeps the pick when the recent list cannot be saved, and says so', async () => {
    const frame = stickerFrame();
    frame.userOptions.set = () => Promise.reject(Object.assign(new Error('t'), { code: 'FRAME_TIMEOUT' }));
    const store = createStickerStore(frame, stickerBase);
    await store.getState().sendSticker(rocket);
    expect(store.getState().outcome.status).toBe('ready');
    expect(store.getState().recentError).toMatchObject({ code: 'FRAME_TIMEOUT' });
  });

  it('ignores a second pick while one is on its way', async () => {
    const frame = stickerFrame();
    const store = createStickerStore(frame, stickerBase);
    const first = store.getState().sendSticker(rocket);
    await store.getState().sendSticker(rocket);
    await first;
    expect(frame.calls.filter((c) => c.command === 'rest:im.message.add')).toHaveLength(1);
  });
});
