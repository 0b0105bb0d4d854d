/**
 * `POST frame`: the frame commands that need portal state (HOST-PROTOCOL.md §4). Answers
 * `{reply}` (the shell sends `<callback>:<JSON>`), `{}` (a reply without result, `<callback>:`) or
 * `{silent: true}` (the host ignores the command: no reply ever comes). The commands handled here are
 * exactly those the frame command table (`frameCommands`) says the host answers: `portalCommandHandlers`
 * is typed by it, and `getInitData` answers an `InitData` (the reply field table).
 */
import {
  type FrameCommandsAnsweredBy,
  type InitData,
  isFrameCommandAnsweredBy,
  type RefreshedAuth,
} from '@imkit/frame/protocol';
import type { FrameSession } from '../portal/frame-sessions.js';
import type { EmulatorRuntime } from '../portal/runtime.js';
import { findUser } from '../portal/state/portal-queries.js';
import { mintToken } from '../portal/state/tokens.js';
import { PrivateApiError } from './private-api-error.js';

export type FrameAnswer = { readonly reply?: unknown } | { readonly silent: true };

const silent: FrameAnswer = { silent: true };
const maxOptionBytes = 64 * 1024;

function secondsLeft(session: FrameSession): number {
  return Math.max(0, session.token.expires - Math.floor(Date.now() / 1000));
}

function initData(runtime: EmulatorRuntime, session: FrameSession): InitData {
  const state = runtime.state;
  const firstRun = !state.firstRunDone.includes(session.userId);
  if (firstRun) {
    state.firstRunDone.push(session.userId);
    runtime.store.save();
  }
  const hasOptions = Object.keys(session.placementOptions).length > 0;
  return {
    LANG: state.portal.lang,
    DOMAIN: runtime.domain,
    PROTOCOL: 0,
    PATH: '/rest',
    AUTH_ID: session.token.accessToken,
    AUTH_EXPIRES: String(secondsLeft(session)),
    REFRESH_ID: session.token.refreshToken,
    MEMBER_ID: state.portal.memberId,
    FIRST_RUN: firstRun,
    IS_ADMIN: findUser(state, session.userId)?.isAdmin === true,
    INSTALL: session.install,
    USER_OPTIONS: { ...(state.userOptions[String(session.userId)] ?? {}) },
    APP_OPTIONS: { ...state.appOptions },
    PLACEMENT: session.placement,
    PLACEMENT_OPTIONS: hasOptions ? { ...session.placementOptions } : '',
  };
}

/** `{name, value}` of an option command; null when malformed (the host ignores it). */
function optionOf(params: unknown): { name: string; value: unknown } | null {
  if (typeof params !== 'object' || params === null) return null;
  const { name, value } = params as Record<string, unknown>;
  if (typeof name !== 'string' || name === '' || value === undefined) return null;
  if (Buffer.byteLength(JSON.stringify(value) ?? '') > maxOptionBytes) return null;
  return { name, value };
}

type PortalCommand = FrameCommandsAnsweredBy<'host'>;
type CommandHandler = (runtime: EmulatorRuntime, session: FrameSession, params: unknown) => FrameAnswer;

/** One handler per command the frame command table says the host answers from portal state. */
export const portalCommandHandlers: { readonly [M in PortalCommand]: CommandHandler } = {
  getInitData: (runtime, session) => ({ reply: initData(runtime, session) }),
  refreshAuth(runtime, session) {
    session.token = mintToken(
      runtime.state,
      session.userId,
      runtime.faults.tokenTtlSeconds,
      session.token.scopes,
    );
    runtime.store.save();
    const reply: RefreshedAuth = {
      AUTH_ID: session.token.accessToken,
      AUTH_EXPIRES: String(secondsLeft(session)),
      REFRESH_ID: session.token.refreshToken,
    };
    return { reply };
  },
  setUserOption(runtime, session, params) {
    const state = runtime.state;
    const option = optionOf(params);
    if (option === null) return silent;
    const key = String(session.userId);
    state.userOptions[key] = { ...(state.userOptions[key] ?? {}), [option.name]: option.value };
    runtime.changed();
    return { reply: { name: option.name, value: option.value } };
  },
  setAppOption(runtime, session, params) {
    const state = runtime.state;
    const option = optionOf(params);
    if (option === null || findUser(state, session.userId)?.isAdmin !== true) return silent;
    state.appOptions = { ...state.appOptions, [option.name]: option.value };
    runtime.changed();
    return { reply: { ...state.appOptions } };
  },
  setInstall: () => ({}),
  setInstallFinish(runtime, session) {
    if (!session.install) return silent;
    runtime.state.portal.installed = true;
    runtime.changed();
    return {};
  },
};

export function runFrameCommand(runtime: EmulatorRuntime, body: Record<string, unknown>): FrameAnswer {
  const { appSid, method, params } = body;
  if (typeof appSid !== 'string' || appSid === '')
    throw new PrivateApiError(400, 'BAD_FIELD', 'appSid must be a non-empty string', 'appSid');
  if (typeof method !== 'string' || method === '')
    throw new PrivateApiError(400, 'BAD_FIELD', 'method must be a non-empty string', 'method');
  const session = runtime.frames.get(appSid);
  if (session === undefined)
    throw new PrivateApiError(404, 'UNKNOWN_APP_SID', 'No frame was launched with this appSid', 'appSid');
  if (!isFrameCommandAnsweredBy(method, 'host')) return silent;
  return portalCommandHandlers[method](runtime, session, params);
}
