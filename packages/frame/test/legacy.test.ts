// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ChatAppError, connectChatApp, parseChatAppLaunch } from '../src/legacy/index.js';

const domain = 'https://test.bitrix24.com';

const launchQuery = (overrides: Record<string, string | null> = {}) => {
  const fields: Record<string, string | null> = {
    BOT_ID: '17',
    BOT_CODE: 'echoBot',
    APP_ID: '11',
    APP_CODE: 'echoFrame',
    DOMAIN: domain,
    DOMAIN_HASH: '0e9c40cee01d6f182e9261b38b30b5c3',
    USER_ID: '2',
    USER_HASH: '7e23ac8b6f6c7044076301c7f81cd745',
    DIALOG_ID: 'chat950',
    DIALOG_CONTEXT: 'lines',
    DIALOG_ENTITY_ID: 'telegrambot|8|173633217|569',
    DIALOG_ENTITY_DATA_1: 'Y|LEAD|56|N|N|1765',
    LANG: 'en',
    IS_CHROME: 'Y',
    CONTEXT: 'button',
    DARK_MODE: 'N',
    MESSAGE_ID: '12333',
    BUTTON_PARAMS: 'test',
    ...overrides,
  };
  let query = '?';
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null) query += `${key}=${encodeURIComponent(value)}&`;
  }
  return query;
};

describe('parseChatAppLaunch', () => {
  it('reads the launch query the host appends (trailing & included)', () => {
    expect(parseChatAppLaunch(launchQuery())).toEqual({
      botId: 17,
      botCode: 'echoBot',
      appId: 11,
      appCode: 'echoFrame',
      domain,
      userId: 2,
      dialogId: 'chat950',
      dialogContext: 'lines',
      dialogEntityId: 'telegrambot|8|173633217|569',
      dialogEntityData1: 'Y|LEAD|56|N|N|1765',
      lang: 'en',
      isChrome: true,
      context: 'button',
      darkMode: false,
      messageId: 12333,
      buttonParams: 'test',
    });
  });

  it('leaves the button fields out when opened from the input', () => {
    const launch = parseChatAppLaunch(
      new URLSearchParams(
        launchQuery({ MESSAGE_ID: null, BUTTON_PARAMS: null, CONTEXT: 'textarea', DARK_MODE: 'Y' }),
      ),
    );
    expect(launch).toMatchObject({ context: 'textarea', messageId: null, buttonParams: '', darkMode: true });
    expect(Object.isFrozen(launch)).toBe(true);
  });

  it('accepts a portal with a port', () => {
    expect(parseChatAppLaunch(launchQuery({ DOMAIN: 'http://127.0.0.1:3000' })).domain).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it.each([
    ['DOMAIN', { DOMAIN: null }],
    ['DOMAIN', { DOMAIN: 'test.bitrix24.com' }],
    ['DOMAIN', { DOMAIN: 'https://test.bitrix24.com/path' }],
    ['DOMAIN', { DOMAIN: 'javascript:alert(1)' }],
    ['DOMAIN', { DOMAIN: 'ftp://test.bitrix24.com' }],
    ['USER_ID', { USER_ID: null }],
    ['USER_ID', { USER_ID: '0' }],
    ['USER_ID', { USER_ID: '2abc' }],
    ['APP_ID', { APP_ID: '-1' }],
    ['DIALOG_ID', { DIALOG_ID: '' }],
    ['MESSAGE_ID', { MESSAGE_ID: 'x' }],
  ])('refuses a bad %s with a BAD_LAUNCH error naming it', (field, overrides) => {
    let error: unknown;
    try {
      parseChatAppLaunch(launchQuery(overrides));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ChatAppError);
    expect(error).toMatchObject({ code: 'BAD_LAUNCH', field, message: new RegExp(field) });
  });
});

/** A legacy frame whose parent (the old messenger) is scripted by the test. */
function fakeChatFrame() {
  const target = new EventTarget();
  const posted: Array<{ data: unknown; targetOrigin: string }> = [];
  const parent = {
    postMessage(data: unknown, targetOrigin: string) {
      posted.push({ data, targetOrigin });
    },
  };
  const win = Object.assign(target, {
    parent,
    location: { search: launchQuery() },
  }) as unknown as Window;
  const deliver = (data: unknown, from: { origin?: string; source?: unknown } = {}) =>
    target.dispatchEvent(
      new MessageEvent('message', {
        data,
        origin: from.origin ?? domain,
        source: (from.source === undefined ? parent : from.source) as Window,
      }),
    );
  const init = (uniqueLoadId = '4711', from?: { origin?: string; source?: unknown }) =>
    deliver(JSON.stringify({ action: 'init', domain, uniqueLoadId }), from);
  const actions = () => posted.map((p) => JSON.parse(p.data as string) as Record<string, unknown>);
  return { win, posted, deliver, init, actions };
}

describe('connectChatApp', () => {
  it('queues calls until init, then posts them in order as JSON strings with the uniqueLoadId', async () => {
    const host = fakeChatFrame();
    const app = connectChatApp({ window: host.win });
    const sent = app.send('Hello');
    const put = app.put('Draft');
    expect(host.posted).toEqual([]);
    host.init('4711');
    await expect(Promise.all([sent, put])).resolves.toEqual([undefined, undefined]);
    expect(host.posted.map((p) => p.targetOrigin)).toEqual([domain, domain]);
    expect(host.posted.every((p) => typeof p.data === 'string')).toBe(true);
    expect(host.actions()).toEqual([
      { action: 'send', message: 'Hello', uniqueLoadId: '4711' },
      { action: 'put', message: 'Draft', uniqueLoadId: '4711' },
    ]);
    app.dispose();
  });

  it('posts each action in the host’s format once init came', async () => {
    const host = fakeChatFrame();
    const app = connectChatApp({ window: host.win });
    host.init('99');
    await app.call('+1 555 0100');
    await app.support('6a4cdbcf753addac1a573ea64be826ca');
    await app.openDialog('chat12');
    await app.close();
    expect(host.actions()).toEqual([
      { action: 'call', number: '+1 555 0100', uniqueLoadId: '99' },
      { action: 'support', code: '6a4cdbcf753addac1a573ea64be826ca', uniqueLoadId: '99' },
      { action: 'openDialog', dialogId: 'chat12', uniqueLoadId: '99' },
      { action: 'close', uniqueLoadId: '99' },
    ]);
    app.dispose();
  });

  it('accepts init only from the parent window on the launch DOMAIN origin, as a JSON string', async () => {
    vi.useFakeTimers();
    try {
      const host = fakeChatFrame();
      const app = connectChatApp({ window: host.win, timeout: 1000 });
      const sent = app.send('hi');
      host.init('1', { origin: 'https://evil.example' });
      host.init('2', { origin: 'https://test.bitrix24.com.evil.example' });
      host.init('3', { origin: 'http://test.bitrix24.com' });
      host.init('4', { source: { postMessage() {} } });
      host.init('5', { source: null });
      host.deliver({ action: 'init', domain, uniqueLoadId: '6' });
      host.deliver('{"action":"init"');
      host.deliver(JSON.stringify({ action: 'init', domain, uniqueLoadId: 'abc' }));
      host.deliver(JSON.stringify({ action: 'send', uniqueLoadId: '7' }));
      host.deliver('null');
      await vi.advanceTimersByTimeAsync(10);
      expect(host.posted).toEqual([]);
      host.init('8');
      await sent;
      expect(host.actions()).toEqual([{ action: 'send', message: 'hi', uniqueLoadId: '8' }]);
      app.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects queued calls with INIT_TIMEOUT when init never comes', async () => {
    vi.useFakeTimers();
    try {
      const host = fakeChatFrame();
      const app = connectChatApp({ window: host.win, timeout: 500 });
      const sent = app.send('hi').catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(499);
      host.init('1', { origin: 'https://evil.example' });
      await vi.advanceTimersByTimeAsync(2);
      expect(await sent).toMatchObject({ name: 'ChatAppError', code: 'INIT_TIMEOUT' });
      host.init('1');
      expect(host.posted).toEqual([]);
      app.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('bounds the queue before init', async () => {
    const host = fakeChatFrame();
    const app = connectChatApp({ window: host.win, maxQueue: 2, timeout: 1000 });
    const queued = [app.put('1'), app.put('2')];
    await expect(app.put('3')).rejects.toMatchObject({ code: 'QUEUE_FULL' });
    host.init('5');
    await Promise.all(queued);
    await expect(app.put('4')).resolves.toBeUndefined();
    expect(host.actions().map((a) => a.message)).toEqual(['1', '2', '4']);
    app.dispose();
  });

  it('refuses empty or non-string arguments, naming the field', async () => {
    const host = fakeChatFrame();
    const app = connectChatApp({ window: host.win });
    host.init('1');
    await expect(app.send('')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'message' });
    await expect(app.call(5 as unknown as string)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'number',
    });
    await expect(app.openDialog('')).rejects.toMatchObject({ field: 'dialogId' });
    expect(host.posted).toEqual([]);
    app.dispose();
  });

  it('reads DOMAIN from the launch query and refuses a page without one', () => {
    const host = fakeChatFrame();
    (host.win as unknown as { location: { search: string } }).location.search = '?USER_ID=1';
    expect(() => connectChatApp({ window: host.win })).toThrow(ChatAppError);
  });

  it('dispose rejects queued calls, refuses new ones and ignores a late init', async () => {
    const host = fakeChatFrame();
    const app = connectChatApp({ window: host.win });
    const sent = app.send('hi');
    app.dispose();
    await expect(sent).rejects.toMatchObject({ code: 'DISPOSED' });
    await expect(app.close()).rejects.toMatchObject({ code: 'DISPOSED' });
    host.init('1');
    expect(host.posted).toEqual([]);
  });
});
