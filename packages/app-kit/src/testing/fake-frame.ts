/**
 * `createFakeFrame({ placement, rest: { 'im.recent.list': () => ({ items: [] }) } })`: an in-memory `Frame`
 * for unit tests. REST methods answer from the given handlers (throw a `RestError` to fail; unknown methods
 * fail with `ERROR_METHOD_NOT_FOUND`), `batch` runs them per key, and every command is recorded in `calls`
 * so a test can assert what the app asked the host to do. Never touches `window.parent`.
 */
import {
  type BatchItemResult,
  type Frame,
  type FrameAuth,
  type PlacementContext,
  RestError,
  type RestParams,
} from '@imkit/frame';
import type { PlacementCode } from '@imkit/frame/placements';
import { toErrorInfo } from '../error-info.js';
import type { PlacementFrame } from '../frame-boot.js';

export type RestHandler = (params: RestParams) => unknown;

export interface FakeFrameOptions<C extends PlacementCode> {
  readonly placement: C;
  readonly options: Extract<PlacementContext, { placement: C }>['options'];
  readonly lang?: string;
  readonly userOptions?: Readonly<Record<string, string>>;
  readonly rest?: Readonly<Record<string, RestHandler>>;
  /** The chat input's initial text. */
  readonly textarea?: string;
}

export interface FakeCall {
  readonly command: string;
  readonly args: readonly unknown[];
}

export type FakeFrame<C extends PlacementCode> = PlacementFrame<C> & {
  /** Every host command and REST call in order (`rest:<method>` for REST, `batch` for batches). */
  readonly calls: FakeCall[];
  /** The chat input's text as the host would now show it. */
  textareaContent: string;
  readonly disposed: () => boolean;
};

const auth: FrameAuth = {
  accessToken: 'fake-access',
  expiresAt: Date.now() + 3_600_000,
  refreshToken: 'fake-refresh',
};

export function createFakeFrame<C extends PlacementCode>(setup: FakeFrameOptions<C>): FakeFrame<C> {
  const calls: FakeCall[] = [];
  const userOptions: Record<string, string> = { ...setup.userOptions };
  let disposed = false;
  const record = (command: string, ...args: unknown[]) => calls.push({ command, args });
  const run = async (method: string, params: RestParams = {}): Promise<unknown> => {
    const handler = setup.rest?.[method];
    if (!handler) {
      throw new RestError({
        code: 'ERROR_METHOD_NOT_FOUND',
        description: 'Method not found!',
        status: 404,
        method,
      });
    }
    return handler(params);
  };
  const context = {
    placement: setup.placement,
    options: setup.options,
    lang: setup.lang ?? 'en',
    domain: 'portal.example.com',
    protocol: 'https',
    origin: 'https://portal.example.com',
    memberId: 'fake-member',
    isAdmin: false,
    auth,
    firstRun: false,
    install: false,
    userOptions,
    appOptions: {},
    appSid: 'f'.repeat(32),
  } as Extract<PlacementContext, { placement: C }>;

  const frame: FakeFrame<C> = {
    context,
    calls,
    textareaContent: setup.textarea ?? '',
    disposed: () => disposed,
    rest: {
      call: async <T>(method: string, params?: RestParams) => {
        record(`rest:${method}`, params ?? {});
        return (await run(method, params)) as T;
      },
      batch: async (commands) => {
        record('batch', commands);
        const results: Record<string, BatchItemResult> = {};
        for (const [key, { method, params }] of Object.entries(commands)) {
          try {
            results[key] = { ok: true, result: await run(method, params) };
          } catch (error) {
            const status = error instanceof RestError ? error.status : 400;
            results[key] = { ok: false, error: { ...toErrorInfo(error), status, method } };
          }
        }
        return results;
      },
    },
    resize: async (width, height) => {
      record('resize', width, height);
      return { width: typeof width === 'number' ? width : 0, height };
    },
    autoResize: (element) => {
      record('autoResize', element);
      return () => record('autoResize:stop');
    },
    textarea: {
      get: async () => {
        record('textarea.get');
        return frame.textareaContent;
      },
      insert: async (text, options) => {
        record('textarea.insert', text, options);
        const line = options?.withNewLine ? `${text}\n` : text;
        frame.textareaContent = options?.replace ? line : frame.textareaContent + line;
      },
    },
    openMessenger: async (dialogId) => void record('openMessenger', dialogId),
    openHistory: async (dialogId) => void record('openHistory', dialogId),
    callTo: async (userId, video) => void record('callTo', userId, video),
    phoneTo: async (phone) => void record('phoneTo', phone),
    closeApplication: async () => void record('closeApplication'),
    userOptions: {
      get: (name) => userOptions[name],
      set: async (name, value) => {
        record('userOptions.set', name, value);
        userOptions[name] = value;
      },
    },
    appOptions: {
      get: () => undefined,
      set: async (name, value) => void record('appOptions.set', name, value),
    },
    selectUser: (async () => {
      record('selectUser');
      return { id: '1', name: 'Fake User' };
    }) as Frame['selectUser'],
    bindEvent: (event) => {
      record('bindEvent', event);
      return () => record('unbindEvent', event);
    },
    installFinish: async () => void record('installFinish'),
    auth,
    refreshAuth: async () => {
      record('refreshAuth');
      return auth;
    },
    sdk: async () => {
      throw new Error('createFakeFrame: sdk() is not available in unit tests');
    },
    dispose: () => {
      disposed = true;
    },
  };
  return frame;
}
