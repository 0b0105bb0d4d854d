/**
 * Plain words for the documented error codes of `im.message.add` and `imopenlines.crm.message.add`
 * that the kit's `describeRestError` does not know. The result goes to the kit's `<ErrorNotice>`,
 * which shows `CODE — words` (the kit's own text wins for codes it knows).
 */
import { baseLanguage, type ErrorInfo, restErrorText } from '@imkit/app-kit';

const followUpErrors: Readonly<Record<string, readonly [en: string, ru: string]>> = {
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
};

/** The error with a readable description when the kit has no text for its code. */
export function explainError(error: ErrorInfo, lang: unknown): ErrorInfo {
  if (restErrorText(error.code, lang) !== undefined) return error;
  const own = Object.hasOwn(followUpErrors, error.code) ? followUpErrors[error.code] : undefined;
  if (!own) return error;
  const words = baseLanguage(lang) === 'ru' ? own[1] : own[0];
  return { code: error.code, description: error.description ? `${words} (${error.description})` : words };
}
