import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categories, searchEmojis, searchStickers, stickers } from '../src/catalog.js';
import { pushRecent, readRecent } from '../src/recent.js';
import { stickerBaseUrl, stickerMessage } from '../src/sticker-message.js';
import { visibleItems } from '../src/visible-items.js';

describe('sticker pack', () => {
  it('ships every sticker as a small SVG in public/stickers', () => {
    for (const sticker of stickers) {
      const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'stickers', sticker.file);
      expect(existsSync(file), sticker.file).toBe(true);
      const svg = readFileSync(file, 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.length).toBeLessThan(2048);
    }
    expect(new Set(stickers.map((s) => s.category))).toEqual(new Set(categories.map((c) => c.id)));
  });

  it('searches names in both languages and keywords', () => {
    expect(searchStickers('ROCKET').map((s) => s.id)).toEqual(['rocket']);
    expect(searchStickers('кофе').map((s) => s.id)).toEqual(['coffee']);
    expect(searchEmojis('спасибо').map((e) => e.char)).toEqual(['🙏']);
    expect(searchStickers('')).toHaveLength(stickers.length);
    expect(searchStickers('qqq')).toEqual([]);
  });

  it('shows search results across tabs, else the tab', () => {
    expect(visibleItems('faces', '', []).stickers.map((s) => s.id)).toEqual(['smile', 'wink', 'love', 'sad']);
    expect(visibleItems('faces', 'fire', []).stickers.map((s) => s.id)).toEqual(['fire']);
    expect(visibleItems('faces', 'fire', []).emojis.map((e) => e.char)).toEqual(['🔥']);
    const recent = visibleItems('recent', '', ['e:👍', 's:star']);
    expect([recent.stickers.map((s) => s.id), recent.emojis.map((e) => e.char)]).toEqual([['star'], ['👍']]);
  });
});

describe('recently used', () => {
  it('puts the newest first without duplicates, at most 12', () => {
    let recent = readRecent(undefined);
    for (const s of stickers) recent = pushRecent(recent, `s:${s.id}`);
    recent = pushRecent(recent, 's:smile');
    expect(recent[0]).toBe('s:smile');
    expect(recent).toHaveLength(12);
    expect(new Set(recent).size).toBe(12);
  });

  it('reads damaged or unknown values as nothing', () => {
    expect(readRecent('nope')).toEqual([]);
    expect(readRecent('{"a":1}')).toEqual([]);
    expect(readRecent('["s:smile","s:unknown","x","s:smile",5]')).toEqual(['s:smile']);
  });
});

describe('sticker message', () => {
  it('is an image ATTACH with an absolute link built from the page location', () => {
    const base = stickerBaseUrl('https://apps.example.com/im-smiles-selector/?DOMAIN=x&APP_SID=y', false);
    expect(base).toBe('https://apps.example.com/im-smiles-selector/stickers/');
    expect(stickerBaseUrl('http://127.0.0.1:5173/im-smiles-selector/', true)).toBe(
      'http://127.0.0.1:5173/im-smiles-selector/public/stickers/',
    );
    const star = stickers.find((s) => s.id === 'star');
    if (!star) throw new Error('no star sticker');
    expect(stickerMessage('chat12', star, 'Star', base)).toEqual({
      DIALOG_ID: 'chat12',
      ATTACH: [
        {
          IMAGE: {
            NAME: 'Star',
            LINK: 'https://apps.example.com/im-smiles-selector/stickers/star.svg',
            PREVIEW: 'https://apps.example.com/im-smiles-selector/stickers/star.svg',
          },
        },
      ],
    });
  });
});
