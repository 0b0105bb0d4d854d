/** What the grid shows: search results across the whole pack, or the open tab's stickers or emoji. */
import { type Emoji, emojis, type Sticker, searchEmojis, searchStickers, stickers } from './catalog.js';
import type { RecentKey } from './recent.js';
import type { Tab } from './store.js';

export interface VisibleItems {
  readonly stickers: readonly Sticker[];
  readonly emojis: readonly Emoji[];
}

function fromRecent(recent: readonly RecentKey[]): VisibleItems {
  const picked: { stickers: Sticker[]; emojis: Emoji[] } = { stickers: [], emojis: [] };
  for (const key of recent) {
    const id = key.slice(2);
    if (key.startsWith('s:')) {
      const found = stickers.find((s) => s.id === id);
      if (found) picked.stickers.push(found);
    } else {
      const found = emojis.find((e) => e.char === id);
      if (found) picked.emojis.push(found);
    }
  }
  return picked;
}

export function visibleItems(tab: Tab, query: string, recent: readonly RecentKey[]): VisibleItems {
  if (query.trim() !== '') return { stickers: searchStickers(query), emojis: searchEmojis(query) };
  if (tab === 'recent') return fromRecent(recent);
  if (tab === 'emoji') return { stickers: [], emojis };
  return { stickers: stickers.filter((s) => s.category === tab), emojis: [] };
}
