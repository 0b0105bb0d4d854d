/**
 * Reads the query a legacy chat app (`imbot.app.register` with IFRAME) is opened with
 * (HOST-PROTOCOL.md §5). The DOMAIN_HASH / USER_HASH signatures are checked on the server
 * (`@imkit/frame/verify`), not here. The keys are the launch query table's (`chatAppLaunchQuery`, read
 * type-only so the 1.5 KB entry does not carry it); the rules are the browser's own: DOMAIN must be an
 * origin, APP_ID, USER_ID and DIALOG_ID must be given.
 */
import type { ChatAppLaunch } from '../chat-app-launch.js';
import type { ChatAppQueryKey } from '../host-model/chat-app-query.js';
import { ChatAppError } from './chat-app-error.js';

export type { ChatAppLaunch };

export function parseChatAppLaunch(search: string | URLSearchParams): ChatAppLaunch {
  const query = new URLSearchParams(search);
  const bad = (field: ChatAppQueryKey, expected: string): ChatAppError =>
    new ChatAppError('BAD_LAUNCH', field, `launch: ${field} must be ${expected}`);
  const get = (field: ChatAppQueryKey): string => query.get(field) ?? '';
  const id = (field: ChatAppQueryKey, optional?: boolean): number => {
    const value = get(field);
    if (optional && !value) return 0;
    if (!/^[1-9]\d{0,15}$/.test(value)) throw bad(field, 'a positive integer');
    return Number(value);
  };
  const given = get('DOMAIN');
  const domain = URL.canParse(given) ? new URL(given).origin : '';
  if (!/^https?:/.test(domain) || domain !== given.toLowerCase()) {
    throw bad('DOMAIN', 'the portal origin, such as https://portal.bitrix24.com');
  }
  const dialogId = get('DIALOG_ID');
  if (!dialogId) throw bad('DIALOG_ID', 'a dialog id');
  const context = get('CONTEXT');
  return Object.freeze({
    botId: id('BOT_ID', true),
    botCode: get('BOT_CODE'),
    appId: id('APP_ID'),
    appCode: get('APP_CODE'),
    domain,
    userId: id('USER_ID'),
    dialogId,
    dialogContext: get('DIALOG_CONTEXT'),
    dialogEntityId: get('DIALOG_ENTITY_ID'),
    dialogEntityData1: get('DIALOG_ENTITY_DATA_1'),
    lang: get('LANG'),
    isChrome: get('IS_CHROME') === 'Y',
    context: context === 'textarea' || context === 'button' ? context : '',
    darkMode: get('DARK_MODE') === 'Y',
    messageId: id('MESSAGE_ID', true) || null,
    buttonParams: get('BUTTON_PARAMS'),
  });
}
