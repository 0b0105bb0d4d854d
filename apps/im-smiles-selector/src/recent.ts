/**
 * Recently used stickers and emoji, newest first, kept in one host user option so they follow the user.
 * Keys are `s:<sticker id>` and `e:<emoji>`; unknown or damaged entries are dropped on reading.
 */
import { asArray, parseJson } from '@imkit/app-kit';
import { emojis, stickers } from './catalog.js';

export const recentOption = 'recentStickers';
export const recentLimit = 12;

export type RecentKey = `s:${string}` | `e:${string}`;

const known = new Set<string>([...stickers.map((s) => `s:${s.id}`), ...emojis.map((e) => `e:${e.char}`)]);

const isRecentKey = (value: unknown): value is RecentKey => typeof value === 'string' && known.has(value);

export function readRecent(raw: string | undefined): RecentKey[] {
  return [...new Set(asArray(parseJson(raw)).filter(isRecentKey))].slice(0, recentLimit);
}

/** Puts `key` first, without duplicates, at most `recentLimit` long. */
export function pushRecent(recent: readonly RecentKey[], key: RecentKey): RecentKey[] {
  return [key, ...recent.filter((item) => item !== key)].slice(0, recentLimit);
}
