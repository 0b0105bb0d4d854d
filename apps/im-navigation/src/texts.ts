/** The dashboard's interface texts (English and Russian); the language comes from `context.lang`. */
import { createI18n, type Translate } from '@imkit/app-kit';

const en = {
  title: 'Chats',
  refresh: 'Refresh',
  search: 'Search chats',
  noChats: 'No chats yet.',
  noMatches: 'No chats match “{query}”.',
  unread: '{count} unread',
  open: 'Open',
  select: 'Select {title}',
  noMessages: 'No messages yet',
  composer: 'Broadcast',
  composerHint: 'Select chats above, write once, send to all of them in one request.',
  selected: '{count} of {limit} chats selected',
  clear: 'Clear',
  message: 'Message',
  send: 'Send to selected ({count})',
  sending: 'Sending…',
  results: 'Sent to {ok} of {total} chats',
  sentAs: 'sent, message #{id}',
  noRecipients: 'Select at least one chat.',
  emptyMessage: 'Write a message first.',
  tooMany: 'At most {limit} chats per broadcast.',
} as const;

export const texts = createI18n<keyof typeof en>({
  en,
  ru: {
    title: 'Чаты',
    refresh: 'Обновить',
    search: 'Поиск чатов',
    noChats: 'Чатов пока нет.',
    noMatches: 'Нет чатов по запросу «{query}».',
    unread: 'непрочитанных: {count}',
    open: 'Открыть',
    select: 'Выбрать {title}',
    noMessages: 'Сообщений пока нет',
    composer: 'Рассылка',
    composerHint: 'Отметьте чаты выше, напишите один раз — отправим всем одним запросом.',
    selected: 'Выбрано чатов: {count} из {limit}',
    clear: 'Сбросить',
    message: 'Сообщение',
    send: 'Отправить выбранным ({count})',
    sending: 'Отправка…',
    results: 'Отправлено в {ok} из {total} чатов',
    sentAs: 'отправлено, сообщение №{id}',
    noRecipients: 'Выберите хотя бы один чат.',
    emptyMessage: 'Сначала напишите сообщение.',
    tooMany: 'Не больше {limit} чатов за одну рассылку.',
  },
});

export type T = Translate<keyof typeof en>;
