/** Interface texts (English and Russian); the language comes from `context.lang`. */
import { createI18n, type Translate } from '@imkit/app-kit';

const en = {
  search: 'Search stickers and emoji',
  recent: 'Recent',
  emoji: 'Emoji',
  noRecent: 'Stickers and emoji you use will show up here.',
  noMatches: 'Nothing matches “{query}”.',
  sendSticker: 'Send sticker “{name}”',
  insertEmoji: 'Insert {name}',
  sending: 'Sending “{name}”…',
  sent: 'Sent “{name}”.',
  inserted: 'Inserted {char} into the message.',
} as const;

export type TextKey = keyof typeof en;

export const texts = createI18n<TextKey>({
  en,
  ru: {
    search: 'Поиск стикеров и эмодзи',
    recent: 'Недавние',
    emoji: 'Эмодзи',
    noRecent: 'Здесь появятся стикеры и эмодзи, которыми вы пользовались.',
    noMatches: 'Ничего не найдено по запросу «{query}».',
    sendSticker: 'Отправить стикер «{name}»',
    insertEmoji: 'Вставить {name}',
    sending: 'Отправляем «{name}»…',
    sent: '«{name}» отправлен.',
    inserted: '{char} вставлен в сообщение.',
  },
});

export type T = Translate<TextKey>;
