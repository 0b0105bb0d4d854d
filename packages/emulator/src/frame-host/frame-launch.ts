/**
 * `POST launch` and `POST install-launch`: what the shell needs to submit the host's form POST into a
 * placement iframe (HOST-PROTOCOL.md §3). Mints the frame's OAuth token and APP_SID for the current user.
 * The query and the body are the launch form table's fields (`launchFormFields` in @imkit/frame/protocol).
 */
import { hostJson, type PlacementSpec, placementCatalog } from '@imkit/frame/placements';
import { formatLaunchQuery, type LaunchBody } from '@imkit/frame/protocol';
import type { FrameSession } from '../portal/frame-sessions.js';
import type { EmulatorRuntime } from '../portal/runtime.js';
import { currentUser } from '../portal/state/portal-queries.js';
import type { PortalChat } from '../portal/state/portal-state.js';
import { mintToken, randomHex32 } from '../portal/state/tokens.js';
import { isBindingVisibleInChat } from './binding-visibility.js';
import { PrivateApiError } from './private-api-error.js';
import { requestedDialog } from './requested-dialog.js';

export interface FrameLaunch {
  readonly action: string;
  /** The form body: fields of the launch form table (`launchFormFields`). */
  readonly fields: LaunchBody;
  readonly frameName: string;
  readonly appSid: string;
  readonly handlerOrigin: string;
  readonly placement: string;
}

function handlerOrigin(handler: string): string {
  try {
    return new URL(handler).origin;
  } catch {
    throw new PrivateApiError(409, 'BAD_HANDLER', `The handler "${handler}" is not a URL`, 'handler');
  }
}

function launchFrame(
  runtime: EmulatorRuntime,
  handler: string,
  session: Omit<FrameSession, 'appSid' | 'token' | 'handlerOrigin' | 'userId'>,
): FrameLaunch {
  const origin = handlerOrigin(handler);
  const user = currentUser(runtime.state);
  const ttl = runtime.faults.tokenTtlSeconds;
  const token = mintToken(runtime.state, user.id, ttl);
  runtime.store.save();
  const appSid = randomHex32();
  const lang = runtime.state.portal.lang;
  const query = formatLaunchQuery({ DOMAIN: runtime.domain, PROTOCOL: '0', LANG: lang, APP_SID: appSid });
  const hashAt = handler.indexOf('#');
  const base = hashAt < 0 ? handler : handler.slice(0, hashAt);
  const action = `${base}${base.includes('?') ? '&' : '?'}${query}`;
  const fields: LaunchBody = {
    AUTH_ID: token.accessToken,
    AUTH_EXPIRES: String(ttl),
    REFRESH_ID: token.refreshToken,
    member_id: runtime.state.portal.memberId,
    status: 'L',
    PLACEMENT: session.placement,
    ...(Object.keys(session.placementOptions).length > 0
      ? { PLACEMENT_OPTIONS: hostJson(session.placementOptions) }
      : {}),
    // Listed by the docs only (HOST-PROTOCOL.md §3): sent when the docsLaunchFields switch is on.
    ...(runtime.devAids.docsLaunchFields
      ? {
          SERVER_ENDPOINT: `${runtime.origin}/rest/`,
          APPLICATION_TOKEN: runtime.state.portal.applicationToken,
          APPLICATION_SCOPE: token.scopes.join(','),
        }
      : {}),
  };
  runtime.frames.add({ ...session, appSid, userId: user.id, token, handlerOrigin: origin });
  return {
    action,
    fields,
    frameName: `${runtime.domain}|0|${appSid}`,
    appSid,
    handlerOrigin: origin,
    placement: session.placement,
  };
}

function intField(body: Record<string, unknown>, key: string): number {
  const value = body[key];
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d{1,12}$/.test(value) && Number(value) > 0) return Number(value);
  throw new PrivateApiError(400, 'BAD_FIELD', `${key} must be a positive integer`, key);
}

export function launchBinding(runtime: EmulatorRuntime, body: Record<string, unknown>): FrameLaunch {
  const state = runtime.state;
  const bindingId = intField(body, 'bindingId');
  const binding = state.bindings.find((b) => b.id === bindingId);
  if (binding === undefined)
    throw new PrivateApiError(404, 'BINDING_NOT_FOUND', `No binding ${bindingId}`, 'bindingId');
  if (!state.portal.installed)
    throw new PrivateApiError(409, 'APP_NOT_INSTALLED', 'Bound placements are hidden until installFinish');
  const user = currentUser(state);
  const spec: PlacementSpec = placementCatalog[binding.placement];
  const options: Record<string, string> = {};
  let chat: PortalChat | null = null;
  if (spec.contextFields.includes('dialogId')) {
    chat = requestedDialog(state, user.id, body.dialogId, `${binding.placement} needs dialogId`).chat;
    if (spec.contextFields.includes('messageId')) {
      const messageId = intField(body, 'messageId');
      if (!state.messages.some((m) => m.id === messageId && m.chatId === chat?.id))
        throw new PrivateApiError(
          404,
          'MESSAGE_NOT_FOUND',
          `No message ${messageId} in this dialog`,
          'messageId',
        );
      options.messageId = String(messageId);
    }
    options.dialogId = String(body.dialogId);
  }
  if (!isBindingVisibleInChat(state, user, binding, chat))
    throw new PrivateApiError(
      403,
      'PLACEMENT_HIDDEN',
      'The host does not show this placement to this user here',
    );
  return launchFrame(runtime, binding.handler, {
    placement: binding.placement,
    placementOptions: options,
    bindingId: binding.id,
    install: false,
  });
}

export function launchInstall(runtime: EmulatorRuntime): FrameLaunch {
  if (runtime.installHandler === null)
    throw new PrivateApiError(404, 'NO_INSTALL_HANDLER', 'The emulator was started without installHandler');
  if (!currentUser(runtime.state).isAdmin)
    throw new PrivateApiError(403, 'ACCESS_DENIED', 'Only an admin installs applications');
  return launchFrame(runtime, runtime.installHandler, {
    placement: 'DEFAULT',
    placementOptions: {},
    bindingId: null,
    install: true,
  });
}
