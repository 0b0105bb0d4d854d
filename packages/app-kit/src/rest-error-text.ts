/**
 * `describeRestError(error, lang)`: a failure in plain words for the user, always led by its code so
 * support can search for it — `ACCESS_DENIED — you don't have permission to do this.` Unknown codes fall
 * back to the host's own description, or to the code alone.
 */
import { toErrorInfo } from './error-info.js';
import { baseLanguage } from './i18n.js';

type Texts = readonly [en: string, ru: string];

const texts: Readonly<Record<string, Texts>> = {
  ACCESS_DENIED: ["you don't have permission to do this.", 'у вас нет прав на это действие.'],
  ACCESS_ERROR: ["you don't have access to this chat.", 'у вас нет доступа к этому чату.'],
  insufficient_scope: [
    'the app was not given the permissions (scope) this needs.',
    'приложению не выданы нужные права (scope).',
  ],
  WRONG_AUTH_TYPE: [
    'this action needs the app to be signed in as itself.',
    'это действие требует авторизации приложения.',
  ],
  QUERY_LIMIT_EXCEEDED: [
    'too many requests at once; wait a few seconds and try again.',
    'слишком много запросов; подождите несколько секунд и повторите.',
  ],
  OPERATION_TIME_LIMIT: [
    'the portal is busy with this method; try again in a minute.',
    'портал перегружен этим методом; повторите через минуту.',
  ],
  expired_token: ['your session has expired; reopen the app.', 'сессия истекла; откройте приложение заново.'],
  invalid_token: [
    'your session is not valid; reopen the app.',
    'сессия недействительна; откройте приложение заново.',
  ],
  NO_AUTH_FOUND: ['you are not signed in to the portal.', 'вы не авторизованы на портале.'],
  NETWORK_ERROR: [
    "the portal can't be reached; check your connection.",
    'портал недоступен; проверьте соединение.',
  ],
  TIMEOUT: ['the portal did not answer in time; try again.', 'портал не ответил вовремя; повторите.'],
  BAD_RESPONSE: ['the portal sent an answer the app cannot read.', 'портал прислал непонятный ответ.'],
  ERROR_METHOD_NOT_FOUND: [
    "this portal doesn't offer a method the app needs.",
    'на портале нет метода, нужного приложению.',
  ],
  INTERNAL_SERVER_ERROR: ['the portal failed; try again later.', 'ошибка на портале; повторите позже.'],
  FRAME_TIMEOUT: ['Bitrix24 did not answer in time; try again.', 'Битрикс24 не ответил вовремя; повторите.'],
  NOT_FRAMED: [
    'open this app from Bitrix24 or the emulator.',
    'откройте приложение из Битрикс24 или эмулятора.',
  ],
  NOT_SUPPORTED_HERE: ["this can't be done in this place of the chat.", 'здесь это действие недоступно.'],
  HOST_ERROR: ['Bitrix24 refused the action.', 'Битрикс24 отклонил действие.'],
  DIALOG_ID_EMPTY: ['no chat was chosen, or its id is wrong.', 'чат не выбран или его номер неверен.'],
  CHAT_ID_EMPTY: ['no chat was chosen.', 'чат не выбран.'],
  USER_ID_EMPTY: ['no recipient was chosen.', 'получатель не выбран.'],
  MESSAGE_EMPTY: ['the message is empty.', 'сообщение пустое.'],
  MESSAGE_ID_ERROR: ['that message was not found.', 'сообщение не найдено.'],
  ATTACH_ERROR: ["the attachment isn't valid.", 'вложение некорректно.'],
  ATTACH_OVERSIZE: [
    'the attachment is too large (30 KB at most).',
    'вложение слишком большое (не более 30 КБ).',
  ],
  ID_EMPTY: ['no user was given.', 'пользователь не указан.'],
  USER_NOT_EXISTS: ['that user was not found.', 'пользователь не найден.'],
  USER_NOT_FOUND: ['that user was not found.', 'пользователь не найден.'],
  PARAMS_ERROR: ['the chat could not process the request.', 'чат не смог обработать запрос.'],
  WRONG_REQUEST: ['the request was not accepted.', 'запрос не принят.'],
  SESSION_NOT_FOUND: ['the open channel session was not found.', 'сеанс открытой линии не найден.'],
  USER_MESSAGE_LIMIT: [
    'the message limit for this user is reached.',
    'лимит сообщений этому пользователю исчерпан.',
  ],
  KEYBOARD_ERROR: ["the message's button isn't valid.", 'кнопка сообщения некорректна.'],
  KEYBOARD_OVERSIZE: [
    "the message's buttons are too large (30 KB at most).",
    'кнопки сообщения слишком большие (не более 30 КБ).',
  ],
  MENU_ERROR: ["the message's menu isn't valid.", 'меню сообщения некорректно.'],
  MENU_OVERSIZE: ['the menu is too large (30 KB at most).', 'меню слишком большое (не более 30 КБ).'],
  CHAT_NOT_IN_CRM: [
    'this chat is not linked to that CRM entity.',
    'этот чат не привязан к этой сущности CRM.',
  ],
  CANCELED: ["you can't send messages to this chat.", 'вы не можете писать в этот чат.'],
  ERROR_ARGUMENT: ['a required field is missing.', 'не заполнено обязательное поле.'],
  WRONG_CHAT: [
    'this chat is not under the bot, or the chosen operator is a bot or an extranet user.',
    'чат не управляется ботом, либо выбранный оператор — бот или экстранет-пользователь.',
  ],
  BOT_ID_ERROR: [
    "the app's chat bot is not a participant of this open line.",
    'чат-бот приложения не участвует в этой открытой линии.',
  ],
};

function restErrorText(code: string, lang: unknown): string | undefined {
  const found = Object.hasOwn(texts, code) ? texts[code] : undefined;
  if (!found) return undefined;
  return baseLanguage(lang) === 'ru' ? found[1] : found[0];
}

export function describeRestError(error: unknown, lang: unknown): string {
  const { code, description } = toErrorInfo(error);
  const words = restErrorText(code, lang) ?? description;
  return words ? `${code} — ${words}` : code;
}
