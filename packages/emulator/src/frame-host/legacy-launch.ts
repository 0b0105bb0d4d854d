/** `POST legacy-launch`: a legacy chat app's launch URL, signed with its HASH (HOST-PROTOCOL.md §5). */
import { signChatAppLaunch } from '@imkit/frame/verify';
import type { EmulatorRuntime } from '../portal/runtime.js';
import { currentUser } from '../portal/state/portal-queries.js';
import { PrivateApiError } from './private-api-error.js';
import { requestedDialog } from './requested-dialog.js';

export interface LegacyLaunch {
  readonly url: string;
  readonly origin: string;
  readonly width: number;
  readonly height: number;
}

export function launchLegacyApp(runtime: EmulatorRuntime, body: Record<string, unknown>): LegacyLaunch {
  const state = runtime.state;
  const appId = typeof body.appId === 'number' ? body.appId : Number(body.appId);
  const app = state.legacyApps.find((a) => a.id === appId);
  if (app === undefined)
    throw new PrivateApiError(404, 'APP_NOT_FOUND', `No legacy chat app ${String(body.appId)}`, 'appId');
  const context = body.context ?? 'button';
  if (context !== 'textarea' && context !== 'button')
    throw new PrivateApiError(400, 'BAD_FIELD', 'context must be "textarea" or "button"', 'context');
  const user = currentUser(state);
  const { chat } = requestedDialog(state, user.id, body.dialogId, 'dialogId is required');
  // The browser's own traits, as the host reads them when it builds the URL (the shell sends them).
  const flag = (key: string): boolean => {
    const value = body[key];
    if (value === undefined) return false;
    if (typeof value !== 'boolean')
      throw new PrivateApiError(400, 'BAD_FIELD', `${key} must be true or false`, key);
    return value;
  };
  const isChrome = flag('isChrome');
  const darkMode = flag('darkMode');
  const bot = state.users.find((u) => u.id === app.botId && u.isBot);
  const messageId =
    typeof body.messageId === 'number' && Number.isInteger(body.messageId) ? body.messageId : undefined;
  const url = signChatAppLaunch(
    app.iframe,
    {
      botId: app.botId,
      // The bot's own CODE (HOST-PROTOCOL.md §5); '' for a BOT_ID that is no bot of this portal.
      botCode: bot?.botCode ?? '',
      appId: app.id,
      appCode: app.code,
      domain: runtime.origin,
      userId: user.id,
      dialogId: String(body.dialogId),
      dialogContext: chat.kind === 'private' ? 'USER' : chat.kind.toUpperCase(),
      dialogEntityId: chat.entityId,
      dialogEntityData1: chat.entityData1,
      lang: state.portal.lang,
      context,
      isChrome,
      darkMode,
      ...(messageId === undefined ? {} : { messageId }),
      ...(typeof body.buttonParams === 'string' ? { buttonParams: body.buttonParams } : {}),
    },
    app.hash,
  );
  return { url, origin: new URL(app.iframe).origin, width: app.width, height: app.height };
}
