/** The `Frame` object: typed commands over the frame channel, the REST client and the lazy SDK. */
import type { AnsweredFrameCommand, UnansweredFrameCommand } from '../host-model/frame-commands.js';
import type { ConnectOptions, Frame, FrameAuth, LaunchContext, SelectedUser } from '../types.js';
import { watchHeight } from './auto-resize.js';
import { newCallbackId } from './callback-id.js';
import type { FrameChannel } from './frame-channel.js';
import { frameFailure, requireArgument } from './frame-failure.js';
import { readAuth } from './launch-context.js';
import { canResizeIn } from './placement-traits.js';
import { type Dict, isDict, stringRecord, text } from './reply-fields.js';
import { createRestClient } from './rest-client.js';
import { lazySdk } from './sdk-loader.js';

const filled = (value: unknown): boolean => typeof value === 'string' && value !== '';

const isUser = (value: unknown): value is SelectedUser => isDict(value) && text(value.id) !== '';

export function createFrame(
  win: Window,
  channel: FrameChannel,
  context: LaunchContext,
  options: ConnectOptions,
): Frame {
  let auth = context.auth;
  let userOptions = context.userOptions;
  let appOptions = context.appOptions;
  let refreshing: Promise<FrameAuth> | undefined;
  const canResize = canResizeIn(context.placement);

  /** Checks the argument named by the first key of `params` (`valid`), then sends the command. */
  const ask = async (
    method: AnsweredFrameCommand,
    params: Dict,
    valid = true,
    timeout?: number,
  ): Promise<unknown> => {
    requireArgument(valid, method, Object.keys(params)[0]);
    const reply = await channel.request(method, params, timeout);
    // The textarea commands answer failures with `{message, requestId}`.
    if (method[2] === ':' && isDict(reply) && typeof reply.message === 'string') {
      throw frameFailure('HOST_ERROR', method, reply.message);
    }
    return reply;
  };

  /** For commands the host never answers: resolves once posted. */
  const post = async (method: UnansweredFrameCommand, params: Dict, valid = true): Promise<void> => {
    requireArgument(valid, method, Object.keys(params)[0]);
    channel.send(method, params);
  };

  const resize = async (width: number | string, height: number) => {
    const method: AnsweredFrameCommand = 'resizeWindow';
    if (!canResize) throw frameFailure('NOT_SUPPORTED_HERE', method, context.placement);
    requireArgument(height >= 0, method, 'height');
    const reply = await ask(method, { width, height }, width === '100%' || Number(width) >= 0);
    const size = {
      width: Number(isDict(reply) && reply.width),
      height: Number(isDict(reply) && reply.height),
    };
    if (!(size.width > 0 && size.height > 0)) throw frameFailure('BAD_REPLY', method, 'no size');
    return size;
  };

  const refreshAuth = (): Promise<FrameAuth> => {
    refreshing ??= channel
      .request('refreshAuth')
      .then((reply) => (auth = readAuth(reply, 'refreshAuth', Date.now())))
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  const setOption = (
    method: 'setUserOption' | 'setAppOption',
    name: string,
    value: string,
  ): Promise<unknown> => {
    return ask(method, { name, value }, filled(name));
  };

  function selectUser(options?: { multiple?: false }): Promise<SelectedUser>;
  function selectUser(options: { multiple: true }): Promise<SelectedUser[]>;
  async function selectUser(select?: { multiple?: boolean }): Promise<SelectedUser | SelectedUser[]> {
    const mult = select?.multiple === true;
    const reply = await ask('selectUser', { mult }, true, 600000);
    if (mult) return Object.values(Object(reply)).filter(isUser);
    if (isUser(reply)) return reply;
    throw frameFailure('HOST_ERROR', 'selectUser', 'none selected');
  }

  return {
    context,
    get auth() {
      return auth;
    },
    rest: createRestClient({
      ...options.rest,
      origin: context.origin,
      getAuth: () => auth.accessToken,
      refreshAuth,
    }),
    resize,
    autoResize: (element = win.document.body) =>
      canResize ? watchHeight(win, element, (height) => resize('100%', height).catch(() => {})) : () => {},
    textarea: {
      get: async () => {
        const reply = await ask('im:getImTextareaContent', { requestId: newCallbackId() });
        return text(Object(reply).text ?? reply);
      },
      insert: async (value, insert) => {
        await ask('im:setImTextareaContent', {
          text: value,
          withNewLine: !!insert?.withNewLine,
          replace: !!insert?.replace,
          requestId: newCallbackId(),
        });
      },
    },
    openMessenger: (dialogId) => post('imOpenMessenger', { dialogId }),
    openHistory: (dialogId) => post('imOpenHistory', { dialogId }),
    callTo: (userId, video) =>
      post('imCallTo', { userId: Number(userId), video: !!video }, Number(userId) > 0),
    phoneTo: (phone) => post('imPhoneTo', { phone }),
    closeApplication: () => post('closeApplication', {}),
    userOptions: {
      get: (name) => userOptions[name],
      async set(name, value) {
        await setOption('setUserOption', name, value);
        userOptions = { ...userOptions, [name]: value };
      },
    },
    appOptions: {
      get: (name) => appOptions[name],
      async set(name, value) {
        const reply = await setOption('setAppOption', name, value);
        appOptions = isDict(reply) ? stringRecord(reply) : { ...appOptions, [name]: value };
      },
    },
    selectUser,
    bindEvent(event, handler) {
      requireArgument(filled(event) && typeof handler === 'function', 'placementBindEvent', 'event/handler');
      return channel.send('placementBindEvent', { event }, handler);
    },
    installFinish: async () => {
      await ask('setInstallFinish', {});
    },
    refreshAuth,
    sdk: lazySdk(),
    dispose: channel.dispose,
  };
}
