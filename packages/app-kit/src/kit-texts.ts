/** The kit's own interface texts (boot states, retry). */
import { createI18n } from './i18n.js';

export const kitTexts = createI18n({
  en: {
    connecting: 'Connecting to Bitrix24…',
    notFramed: 'Open this app from Bitrix24 or the emulator.',
    notFramedHint: 'It runs inside a chat placement and needs the portal around it.',
    failed: 'The app could not start: {reason}',
    wrongPlacement: 'This app is made for {expected} but was opened as {actual}.',
    loading: 'Loading…',
    retry: 'Try again',
  },
  ru: {
    connecting: 'Подключение к Битрикс24…',
    notFramed: 'Откройте приложение из Битрикс24 или эмулятора.',
    notFramedHint: 'Оно работает внутри встройки чата и нуждается в портале вокруг.',
    failed: 'Приложение не запустилось: {reason}',
    wrongPlacement: 'Приложение создано для {expected}, но открыто как {actual}.',
    loading: 'Загрузка…',
    retry: 'Повторить',
  },
});

/** The interface language before the host has answered: the handler URL's `LANG`, else the browser's. */
export function launchLanguage(location: { search: string } = globalThis.location): string {
  const fromUrl = location ? new URLSearchParams(location.search).get('LANG') : null;
  return fromUrl || (typeof navigator === 'undefined' ? 'en' : navigator.language) || 'en';
}
