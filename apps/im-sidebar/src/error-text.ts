/**
 * Plain words for the open-line methods' documented error codes that the kit's `describeRestError`
 * does not know. The result goes to the kit's `<ErrorNotice>`, which shows `CODE — words`.
 */
import { baseLanguage, type ErrorInfo, restErrorText } from '@imkit/app-kit';

const openLineErrors: Readonly<Record<string, readonly [en: string, ru: string]>> = {
  WRONG_CHAT: [
    'this chat is not under the bot, or the chosen operator is a bot or an extranet user.',
    'чат не управляется ботом, либо выбранный оператор — бот или экстранет-пользователь.',
  ],
  BOT_ID_ERROR: [
    "the app's chat bot is not a participant of this open line.",
    'чат-бот приложения не участвует в этой открытой линии.',
  ],
};

/** The error with a readable description when the kit has no text for its code. */
export function explainError(error: ErrorInfo, lang: unknown): ErrorInfo {
  if (restErrorText(error.code, lang) !== undefined) return error;
  const own = Object.hasOwn(openLineErrors, error.code) ? openLineErrors[error.code] : undefined;
  if (!own) return error;
  return { code: error.code, description: baseLanguage(lang) === 'ru' ? own[1] : own[0] };
}
