/**
 * The sticker pack: categories, stickers (SVG files the app serves itself from `public/stickers/`) and
 * emoji, each with English and Russian names that the search reads.
 */

type Names = { readonly en: string; readonly ru: string };

export const categories = [
  { id: 'faces', names: { en: 'Faces', ru: 'Лица' } },
  { id: 'work', names: { en: 'Work', ru: 'Работа' } },
  { id: 'fun', names: { en: 'Fun', ru: 'Праздник' } },
] as const satisfies readonly { id: string; names: Names }[];

export type CategoryId = (typeof categories)[number]['id'];

export interface Sticker {
  readonly id: string;
  /** File name in `public/stickers/`. */
  readonly file: string;
  readonly category: CategoryId;
  readonly names: Names;
  /** Extra search words, any language. */
  readonly keywords: string;
}

const sticker = (id: string, category: CategoryId, en: string, ru: string, keywords: string): Sticker => ({
  id,
  file: `${id}.svg`,
  category,
  names: { en, ru },
  keywords,
});

export const stickers: readonly Sticker[] = [
  sticker('smile', 'faces', 'Smile', 'Улыбка', 'happy glad радость'),
  sticker('wink', 'faces', 'Wink', 'Подмигивание', 'joke шутка'),
  sticker('love', 'faces', 'In love', 'Влюблён', 'heart eyes сердце'),
  sticker('sad', 'faces', 'Sad', 'Грусть', 'tear cry слеза'),
  sticker('check', 'work', 'Done', 'Готово', 'ok check yes да сделано'),
  sticker('coffee', 'work', 'Coffee break', 'Кофе', 'break пауза перерыв'),
  sticker('rocket', 'work', 'Launch', 'Запуск', 'rocket release ракета релиз'),
  sticker('idea', 'work', 'Idea', 'Идея', 'bulb лампа'),
  sticker('party', 'fun', 'Party', 'Праздник', 'congrats поздравляю'),
  sticker('star', 'fun', 'Star', 'Звезда', 'best лучший'),
  sticker('heart', 'fun', 'Heart', 'Сердце', 'love любовь'),
  sticker('fire', 'fun', 'Fire', 'Огонь', 'hot lit жара'),
];

export interface Emoji {
  readonly char: string;
  readonly names: Names;
}

const emoji = (char: string, en: string, ru: string): Emoji => ({ char, names: { en, ru } });

export const emojis: readonly Emoji[] = [
  emoji('😀', 'grinning', 'улыбка'),
  emoji('😂', 'tears of joy', 'смех'),
  emoji('😉', 'wink', 'подмигивание'),
  emoji('😍', 'heart eyes', 'влюблён'),
  emoji('🤔', 'thinking', 'думаю'),
  emoji('😢', 'crying', 'грусть'),
  emoji('👍', 'thumbs up', 'класс'),
  emoji('👏', 'clapping', 'аплодисменты'),
  emoji('🙏', 'thank you', 'спасибо'),
  emoji('🎉', 'party', 'праздник'),
  emoji('🔥', 'fire', 'огонь'),
  emoji('❤️', 'heart', 'сердце'),
  emoji('✅', 'done', 'готово'),
  emoji('🚀', 'rocket', 'ракета'),
  emoji('☕', 'coffee', 'кофе'),
  emoji('💡', 'idea', 'идея'),
];

export function stickerName(item: Sticker, lang: string): string {
  return lang === 'ru' ? item.names.ru : item.names.en;
}

const matches = (needle: string, ...haystacks: string[]) =>
  haystacks.some((text) => text.toLocaleLowerCase().includes(needle));

/** Stickers whose name (either language) or keywords contain the query. */
export function searchStickers(query: string): readonly Sticker[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return stickers;
  return stickers.filter((s) => matches(needle, s.names.en, s.names.ru, s.keywords, s.id));
}

export function searchEmojis(query: string): readonly Emoji[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return emojis;
  return emojis.filter((e) => matches(needle, e.names.en, e.names.ru));
}
