/** The follow-up app's interface texts, English and Russian (picked from `context.lang`). */
import { createI18n, type Translate } from '@imkit/app-kit';

const en = {
  title: 'Follow-up',
  loadingMessage: 'Loading the message…',
  chosenMessage: 'Message',
  systemAuthor: 'System message',
  emptyText: '(no text)',
  target: 'Post to',
  loadingChats: 'Loading your chats…',
  noChats: 'You have no recent chats to post to.',
  thisChat: 'this chat',
  openLine: 'open line',
  viaCrm: 'Post into the open line through CRM ({entity})',
  note: 'Note',
  notePlaceholder: 'What needs to happen next?',
  send: 'Post follow-up',
  sending: 'Posting…',
  sent: 'Follow-up posted.',
  cancel: 'Close',
  defaultNote: 'Follow-up',
  sentAt: 'Sent',
  openMessage: 'Open the original message',
  openChat: 'Open the chat',
  problemREQUIRED: '{field}: required.',
  problemTOO_LONG: '{field}: at most {max} characters.',
  problemNOT_AVAILABLE: '{field}: not possible for this chat.',
  fieldtarget: 'Post to',
  fieldnote: 'Note',
  fieldviaCrm: 'CRM posting',
  fieldmessage: 'Message',
};

type Key = keyof typeof en;

const ru: Readonly<Record<Key, string>> = {
  title: 'Продолжить обсуждение',
  loadingMessage: 'Загрузка сообщения…',
  chosenMessage: 'Сообщение',
  systemAuthor: 'Системное сообщение',
  emptyText: '(без текста)',
  target: 'Куда отправить',
  loadingChats: 'Загрузка ваших чатов…',
  noChats: 'Нет недавних чатов для отправки.',
  thisChat: 'этот чат',
  openLine: 'открытая линия',
  viaCrm: 'Отправить в открытую линию через CRM ({entity})',
  note: 'Заметка',
  notePlaceholder: 'Что нужно сделать дальше?',
  send: 'Отправить',
  sending: 'Отправка…',
  sent: 'Сообщение отправлено.',
  cancel: 'Закрыть',
  defaultNote: 'Продолжение обсуждения',
  sentAt: 'Отправлено',
  openMessage: 'Открыть исходное сообщение',
  openChat: 'Открыть чат',
  problemREQUIRED: '{field}: обязательное поле.',
  problemTOO_LONG: '{field}: не более {max} символов.',
  problemNOT_AVAILABLE: '{field}: недоступно для этого чата.',
  fieldtarget: 'Куда отправить',
  fieldnote: 'Заметка',
  fieldviaCrm: 'Отправка через CRM',
  fieldmessage: 'Сообщение',
};

export type TextKey = Key;
export type FollowUpTranslate = Translate<Key>;
export const followUpTexts = createI18n<Key>({ en, ru });
