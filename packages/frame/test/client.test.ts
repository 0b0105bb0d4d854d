// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, type Frame, FrameError } from '../src/index.js';
import { decodeCommand, encodeReply, type FrameCommand } from '../src/protocol.js';

vi.mock('@bitrix24/b24jssdk', () => ({
  initializeB24Frame: vi.fn(async () => ({ isB24Frame: true })),
}));

const origin = 'https://portal.example.com';
const appSid = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const frameName = `portal.example.com|1|${appSid}`;

const initData = (overrides: Record<string, unknown> = {}) => ({
  LANG: 'en',
  DOMAIN: 'portal.example.com',
  PROTOCOL: 1,
  PATH: '/rest',
  AUTH_ID: 'token-1',
  AUTH_EXPIRES: '3600',
  REFRESH_ID: 'refresh-1',
  MEMBER_ID: 'member-1',
  FIRST_RUN: true,
  IS_ADMIN: false,
  INSTALL: false,
  USER_OPTIONS: { theme: 'dark' },
  APP_OPTIONS: { plan: 'pro' },
  PLACEMENT: 'IM_SIDEBAR',
  PLACEMENT_OPTIONS: { dialogId: 'chat12' },
  ...overrides,
});

interface ResizeWatcher {
  readonly callback: () => void;
  readonly element: Element;
  disconnected: boolean;
}

/** A placement frame whose parent is scripted by the test. */
function fakeFrame(name = frameName) {
  const target = new EventTarget();
  const posted: Array<{ message: unknown; targetOrigin: string }> = [];
  const parent = {
    postMessage(message: unknown, targetOrigin: string) {
      posted.push({ message, targetOrigin });
    },
  };
  const watchers: ResizeWatcher[] = [];
  class FakeResizeObserver {
    readonly watcher: ResizeWatcher;
    constructor(callback: () => void) {
      this.watcher = { callback, element: document.body, disconnected: false };
    }
    observe(element: Element) {
      watchers.push(Object.assign(this.watcher, { element }));
    }
    disconnect() {
      this.watcher.disconnected = true;
    }
  }
  const win = Object.assign(target, {
    name,
    parent,
    document,
    ResizeObserver: FakeResizeObserver,
  }) as unknown as Window;
  let listeners = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
    listeners++;
    add(...args);
  };
  target.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
    listeners--;
    remove(...args);
  };

  const commands = (): FrameCommand[] =>
    posted.map((p) => decodeCommand(p.message)).filter((c) => c !== null);
  const last = (): FrameCommand => {
    const command = commands().at(-1);
    if (!command) throw new Error('nothing posted');
    return command;
  };
  const deliver = (data: unknown, from: { origin?: string; source?: unknown } = {}) => {
    target.dispatchEvent(
      new MessageEvent('message', {
        data,
        origin: from.origin ?? origin,
        source: (from.source === undefined ? parent : from.source) as Window,
      }),
    );
  };
  const reply = (callback: string, result?: unknown, from?: { origin?: string; source?: unknown }) =>
    deliver(encodeReply(callback, result), from);

  return { win, parent, posted, commands, last, deliver, reply, watchers, listeners: () => listeners };
}

type FakeFrame = ReturnType<typeof fakeFrame>;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function connected(init: Record<string, unknown> = {}, name?: string): Promise<[Frame, FakeFrame]> {
  const host = fakeFrame(name);
  const pending = connect({ window: host.win, timeout: 200 });
  host.reply(host.last().callback, initData(init));
  return [await pending, host];
}

describe('connect()', () => {
  it('refuses a page without a parent window or with a foreign window.name', async () => {
    const top = Object.assign(new EventTarget(), { name: frameName }) as unknown as Window & {
      parent: Window;
    };
    top.parent = top;
    await expect(connect({ window: top })).rejects.toMatchObject({ name: 'FrameError', code: 'NOT_FRAMED' });
    for (const name of ['', 'portal.example.com|1', 'portal.example.com|2|abc', 'evil/x|1|abc', 'a|1|b|c']) {
      await expect(connect({ window: fakeFrame(name).win })).rejects.toMatchObject({ code: 'NOT_FRAMED' });
    }
  });

  it('asks getInitData in the wire format, posted to the portal origin only', async () => {
    const host = fakeFrame();
    const pending = connect({ window: host.win, timeout: 200 });
    expect(host.posted).toHaveLength(1);
    expect(host.posted[0]?.targetOrigin).toBe(origin);
    const message = host.posted[0]?.message as string;
    expect(message).toMatch(new RegExp(`^getInitData:[a-z0-9]{20,}:${appSid}$`));
    host.reply(host.last().callback, initData());
    await expect(pending).resolves.toBeDefined();
  });

  it('builds a typed, deeply frozen context', async () => {
    const before = Date.now();
    const [frame] = await connected();
    const { context } = frame;
    expect(context).toMatchObject({
      lang: 'en',
      domain: 'portal.example.com',
      protocol: 'https',
      origin,
      memberId: 'member-1',
      isAdmin: false,
      firstRun: true,
      install: false,
      appSid,
      placement: 'IM_SIDEBAR',
      options: { dialogId: 'chat12' },
      userOptions: { theme: 'dark' },
      appOptions: { plan: 'pro' },
    });
    expect(context.auth.accessToken).toBe('token-1');
    expect(context.auth.refreshToken).toBe('refresh-1');
    expect(context.auth.expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(context.auth.expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000);
    for (const part of [context, context.auth, context.options, context.userOptions, context.appOptions]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => {
      (context.options as Record<string, string>).dialogId = 'chat1';
    }).toThrow(TypeError);
  });

  it('takes each placement’s options from the catalogue, as strings, empty when missing', async () => {
    const [menu] = await connected({
      PLACEMENT: 'im_context_menu',
      PLACEMENT_OPTIONS: { messageId: 345, dialogId: 'chat12', extra: 'dropped' },
    });
    expect(menu.context.placement).toBe('IM_CONTEXT_MENU');
    expect(menu.context.options).toEqual({ dialogId: 'chat12', messageId: '345' });

    const [nav] = await connected({ PLACEMENT: 'IM_NAVIGATION', PLACEMENT_OPTIONS: '' });
    expect(nav.context.options).toEqual({});

    const [textarea] = await connected({ PLACEMENT: 'IM_TEXTAREA', PLACEMENT_OPTIONS: '' });
    expect(textarea.context.options).toEqual({ dialogId: '' });

    const [json] = await connected({ PLACEMENT: 'IM_SIDEBAR', PLACEMENT_OPTIONS: '{"dialogId":"7"}' });
    expect(json.context.options).toEqual({ dialogId: '7' });

    const [install] = await connected({
      PLACEMENT: 'DEFAULT',
      INSTALL: true,
      PLACEMENT_OPTIONS: { any: 'x', n: 1 },
    });
    expect(install.context).toMatchObject({ placement: 'DEFAULT', install: true, options: { any: 'x' } });
  });

  it('reads odd values defensively', async () => {
    const [frame] = await connected({
      LANG: 5,
      IS_ADMIN: 'Y',
      FIRST_RUN: 'no',
      USER_OPTIONS: 'not an object',
      APP_OPTIONS: { nested: { a: 1 }, ok: 'yes' },
      AUTH_EXPIRES: 'soon',
      MEMBER_ID: null,
    });
    expect(frame.context).toMatchObject({
      lang: '5',
      isAdmin: true,
      firstRun: false,
      memberId: '',
      userOptions: {},
      appOptions: { ok: 'yes' },
    });
    expect(Number.isFinite(frame.context.auth.expiresAt)).toBe(true);
  });

  it('rejects BAD_REPLY when getInitData carries no AUTH_ID, and stops listening', async () => {
    const host = fakeFrame();
    const pending = connect({ window: host.win, timeout: 200 });
    host.reply(host.last().callback, { LANG: 'en' });
    await expect(pending).rejects.toMatchObject({ code: 'BAD_REPLY', method: 'getInitData' });
    expect(host.listeners()).toBe(0);
  });

  it('times out with FRAME_TIMEOUT when the host never answers', async () => {
    const host = fakeFrame();
    const error = await connect({ window: host.win, timeout: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameError);
    expect(error).toMatchObject({ code: 'FRAME_TIMEOUT', method: 'getInitData' });
    expect(host.listeners()).toBe(0);
  });
});

describe('reply filtering', () => {
  it('ignores replies from another origin, another window, malformed data and unknown callbacks', async () => {
    const host = fakeFrame();
    const pending = connect({ window: host.win, timeout: 300 });
    const { callback } = host.last();
    let settled = false;
    pending.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    host.reply(callback, initData(), { origin: 'https://evil.example' });
    host.reply(callback, initData(), { origin: 'https://portal.example.com.evil.example' });
    host.reply(callback, initData(), { origin: 'http://portal.example.com' });
    host.reply(callback, initData(), { source: { postMessage() {} } });
    host.reply(callback, initData(), { source: null });
    host.deliver(`${callback}:{not json`);
    host.deliver({ callback, result: initData() });
    host.deliver(42);
    host.reply('someone-else', initData());
    await tick();
    expect(settled).toBe(false);
    host.reply(callback, initData({ LANG: 'de' }));
    await expect(pending).resolves.toMatchObject({ context: { lang: 'de' } });
  });

  it('uses a fresh unguessable callback id for every call', async () => {
    const [frame, host] = await connected();
    for (let i = 0; i < 50; i++) void frame.phoneTo('+1 555 0100');
    const ids = host.commands().map((c) => c.callback);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{20,}$/);
  });
});

describe('commands', () => {
  let frame: Frame;
  let host: FakeFrame;
  beforeEach(async () => {
    [frame, host] = await connected();
  });
  afterEach(() => frame.dispose());

  it('resize posts resizeWindow {width,height} and resolves with the host’s size', async () => {
    const pending = frame.resize('100%', 320);
    const command = host.last();
    expect(host.posted.at(-1)?.message).toBe(
      `resizeWindow:{"width":"100%","height":320}:${command.callback}:${appSid}`,
    );
    host.reply(command.callback, { width: 400, height: 320 });
    await expect(pending).resolves.toEqual({ width: 400, height: 320 });
  });

  it('resize refuses bad sizes and bad replies', async () => {
    await expect(frame.resize(-1, 10)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: /width/ });
    await expect(frame.resize(10, Number.NaN)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: /height/,
    });
    const pending = frame.resize(10, 10);
    host.reply(host.last().callback, { nope: true });
    await expect(pending).rejects.toMatchObject({ code: 'BAD_REPLY' });
  });

  it('resize is refused in IM_CONTEXT_MENU without posting', async () => {
    const [menu, menuHost] = await connected({ PLACEMENT: 'IM_CONTEXT_MENU' });
    const before = menuHost.posted.length;
    await expect(menu.resize(100, 100)).rejects.toMatchObject({ code: 'NOT_SUPPORTED_HERE' });
    expect(menu.autoResize()).toBeTypeOf('function');
    expect(menuHost.posted.length).toBe(before);
    expect(menuHost.watchers).toHaveLength(0);
  });

  it('textarea commands go in object form with a requestId', async () => {
    const get = frame.textarea.get();
    const getMessage = host.posted.at(-1)?.message as Record<string, unknown>;
    expect(getMessage).toMatchObject({ method: 'im:getImTextareaContent', appSid });
    const requestId = (getMessage.params as { requestId: string }).requestId;
    expect(requestId).toMatch(/^[a-z0-9]{20,}$/);
    host.reply(getMessage.callback as string, { text: 'draft', requestId });
    await expect(get).resolves.toBe('draft');

    const insert = frame.textarea.insert('hello', { replace: true });
    const insertMessage = host.posted.at(-1)?.message as Record<string, unknown>;
    expect(insertMessage).toMatchObject({
      method: 'im:setImTextareaContent',
      params: { text: 'hello', withNewLine: false, replace: true },
      appSid,
    });
    host.reply(insertMessage.callback as string);
    await expect(insert).resolves.toBeUndefined();
  });

  it('a textarea {message, requestId} reply is a HOST_ERROR', async () => {
    const insert = frame.textarea.insert('x');
    const { callback } = host.last();
    host.reply(callback, { message: 'the text field is unavailable', requestId: 'r' });
    await expect(insert).rejects.toMatchObject({
      code: 'HOST_ERROR',
      method: 'im:setImTextareaContent',
      message: /the text field is unavailable/,
    });
  });

  it('messenger, history, call and phone commands resolve once posted', async () => {
    await expect(frame.openMessenger('chat12')).resolves.toBeUndefined();
    expect(host.last()).toMatchObject({ method: 'imOpenMessenger', params: { dialogId: 'chat12' } });
    await expect(frame.openMessenger()).resolves.toBeUndefined();
    expect(host.last()).toMatchObject({ method: 'imOpenMessenger', params: {} });
    await expect(frame.openHistory('chat3')).resolves.toBeUndefined();
    expect(host.last()).toMatchObject({ method: 'imOpenHistory', params: { dialogId: 'chat3' } });
    await expect(frame.callTo('7', true)).resolves.toBeUndefined();
    expect(host.last()).toMatchObject({ method: 'imCallTo', params: { userId: 7, video: true } });
    await expect(frame.callTo(8)).resolves.toBeUndefined();
    expect(host.last()).toMatchObject({ method: 'imCallTo', params: { userId: 8, video: false } });
    await expect(frame.phoneTo('+1 555 0100')).resolves.toBeUndefined();
    expect(host.last()).toMatchObject({ method: 'imPhoneTo', params: { phone: '+1 555 0100' } });
    await expect(frame.closeApplication()).resolves.toBeUndefined();
    expect(host.last()).toMatchObject({ method: 'closeApplication' });
    await expect(frame.callTo('zero')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: /userId/ });
  });

  it('user and app options are set through the host and read back', async () => {
    expect(frame.userOptions.get('theme')).toBe('dark');
    const setUser = frame.userOptions.set('theme', 'light');
    expect(host.last()).toMatchObject({ method: 'setUserOption', params: { name: 'theme', value: 'light' } });
    host.reply(host.last().callback, { name: 'theme', value: 'light' });
    await setUser;
    expect(frame.userOptions.get('theme')).toBe('light');

    const setApp = frame.appOptions.set('plan', 'free');
    expect(host.last()).toMatchObject({ method: 'setAppOption', params: { name: 'plan', value: 'free' } });
    host.reply(host.last().callback, { plan: 'free', region: 'eu' });
    await setApp;
    expect(frame.appOptions.get('plan')).toBe('free');
    expect(frame.appOptions.get('region')).toBe('eu');
    await expect(frame.userOptions.set('', 'x')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: /name/,
    });
  });

  it('selectUser sends mult and maps single and multiple answers', async () => {
    const one = frame.selectUser();
    expect(host.last()).toMatchObject({ method: 'selectUser', params: { mult: false } });
    host.reply(host.last().callback, { id: '5', name: 'Ann', photo: '' });
    await expect(one).resolves.toMatchObject({ id: '5', name: 'Ann' });

    const many = frame.selectUser({ multiple: true });
    expect(host.last()).toMatchObject({ params: { mult: true } });
    host.reply(host.last().callback, { 0: { id: '5', name: 'Ann' }, 1: { id: '6', name: 'Bob' }, 2: 'junk' });
    await expect(many).resolves.toEqual([
      { id: '5', name: 'Ann' },
      { id: '6', name: 'Bob' },
    ]);

    const cancelled = frame.selectUser();
    host.reply(host.last().callback, null);
    await expect(cancelled).rejects.toMatchObject({ code: 'HOST_ERROR' });
  });

  it('bindEvent keeps its handler for every repeated reply until unsubscribed', async () => {
    const seen: unknown[] = [];
    const stop = frame.bindEvent('onChatChange', (data) => seen.push(data));
    const { callback, method, params } = host.last();
    expect(method).toBe('placementBindEvent');
    expect(params).toEqual({ event: 'onChatChange' });
    host.reply(callback, { dialogId: 'chat1' });
    host.reply(callback, { dialogId: 'chat2' });
    host.reply(callback, { dialogId: 'chat3' }, { origin: 'https://evil.example' });
    expect(seen).toEqual([{ dialogId: 'chat1' }, { dialogId: 'chat2' }]);
    stop();
    host.reply(callback, { dialogId: 'chat4' });
    expect(seen).toHaveLength(2);
    expect(() => frame.bindEvent('', () => {})).toThrow(FrameError);
  });

  it('installFinish posts setInstallFinish and waits for the reply', async () => {
    const done = frame.installFinish();
    expect(host.last().method).toBe('setInstallFinish');
    host.reply(host.last().callback, true);
    await expect(done).resolves.toBeUndefined();
  });

  it('refreshAuth updates the token; concurrent calls share one request', async () => {
    const a = frame.refreshAuth();
    const b = frame.refreshAuth();
    const refreshes = host.commands().filter((c) => c.method === 'refreshAuth');
    expect(refreshes).toHaveLength(1);
    host.reply(refreshes[0]!.callback, { AUTH_ID: 'token-2', AUTH_EXPIRES: '60', REFRESH_ID: 'refresh-2' });
    const [first, second] = await Promise.all([a, b]);
    expect(first).toBe(second);
    expect(frame.auth).toMatchObject({ accessToken: 'token-2', refreshToken: 'refresh-2' });
    expect(frame.context.auth.accessToken).toBe('token-1');
  });

  it('a command the host ignores times out with FRAME_TIMEOUT', async () => {
    await expect(frame.installFinish()).rejects.toMatchObject({
      code: 'FRAME_TIMEOUT',
      method: 'setInstallFinish',
    });
  });

  it('dispose rejects pending calls with DISPOSED, refuses new ones and stops listening', async () => {
    const pending = frame.resize(10, 10);
    const seen: unknown[] = [];
    frame.bindEvent('e', (data) => seen.push(data));
    const bind = host.last().callback;
    frame.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'DISPOSED' });
    await expect(frame.openMessenger('1')).rejects.toMatchObject({ code: 'DISPOSED' });
    host.reply(bind, 'late');
    expect(seen).toEqual([]);
    expect(host.listeners()).toBe(0);
  });
});

describe('autoResize', () => {
  it('debounces and resizes only when the height changed', async () => {
    vi.useFakeTimers();
    try {
      const host = fakeFrame();
      const pending = connect({ window: host.win, timeout: 200 });
      host.reply(host.last().callback, initData());
      const frame = await pending;
      const element = document.createElement('div');
      let height = 120;
      element.getBoundingClientRect = () => ({ height }) as DOMRect;
      const stop = frame.autoResize(element);
      const watcher = host.watchers[0]!;
      expect(watcher.element).toBe(element);
      watcher.callback();
      watcher.callback();
      watcher.callback();
      await vi.advanceTimersByTimeAsync(150);
      const resizes = () => host.commands().filter((c) => c.method === 'resizeWindow');
      expect(resizes()).toHaveLength(1);
      expect(resizes()[0]?.params).toEqual({ width: '100%', height: 120 });
      host.reply(resizes()[0]!.callback, { width: 300, height: 120 });
      watcher.callback();
      await vi.advanceTimersByTimeAsync(150);
      expect(resizes()).toHaveLength(1);
      height = 200.4;
      watcher.callback();
      await vi.advanceTimersByTimeAsync(150);
      expect(resizes()).toHaveLength(2);
      expect(resizes()[1]?.params).toEqual({ width: '100%', height: 201 });
      stop();
      expect(watcher.disconnected).toBe(true);
      frame.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('frame.rest and sdk()', () => {
  it('calls the portal with the frame token and refreshes it through the host on expired_token', async () => {
    const host = fakeFrame();
    const calls: Array<{ url: string; body: Record<string, unknown> }> = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      calls.push({ url: String(url), body });
      if (body.auth === 'token-1') {
        return new Response(
          JSON.stringify({
            error: 'expired_token',
            error_description: 'The access token provided has expired.',
          }),
          {
            status: 401,
          },
        );
      }
      return new Response(JSON.stringify({ result: { ID: 1 } }), { status: 200 });
    });
    const pending = connect({ window: host.win, timeout: 200, rest: { fetch } });
    host.reply(host.last().callback, initData());
    const frame = await pending;
    const result = frame.rest.call('user.current', { a: 1 });
    await vi.waitFor(() => expect(host.commands().some((c) => c.method === 'refreshAuth')).toBe(true));
    const refresh = host.commands().find((c) => c.method === 'refreshAuth')!;
    host.reply(refresh.callback, { AUTH_ID: 'token-2', AUTH_EXPIRES: '3600', REFRESH_ID: 'refresh-2' });
    await expect(result).resolves.toEqual({ ID: 1 });
    expect(calls.map((c) => c.url)).toEqual([
      `${origin}/rest/user.current.json`,
      `${origin}/rest/user.current.json`,
    ]);
    expect(calls.map((c) => c.body)).toEqual([
      { a: 1, auth: 'token-1' },
      { a: 1, auth: 'token-2' },
    ]);
    frame.dispose();
  });

  it('sdk() loads the official SDK on first use and caches it', async () => {
    const [frame] = await connected();
    const sdk = await import('@bitrix24/b24jssdk');
    const first = await frame.sdk();
    const second = await frame.sdk();
    expect(first).toEqual({ isB24Frame: true });
    expect(second).toBe(first);
    expect(vi.mocked(sdk.initializeB24Frame)).toHaveBeenCalledTimes(1);
    frame.dispose();
  });
});
