import { verifyChatAppLaunch } from '@imkit/frame/verify';
import { describe, expect, it } from 'vitest';
import type { StateView } from '../src/private-api/contract.js';
import { harness } from './emulator-harness.js';

type Launch = { action: string; fields: Record<string, string>; frameName: string; appSid: string };

async function withBindings(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  const auth = (await h.token(1)).access_token;
  const bind = (PLACEMENT: string, HANDLER: string, OPTIONS: Record<string, string> = {}) =>
    h.rest('placement.bind', { PLACEMENT, HANDLER, TITLE: PLACEMENT, OPTIONS }, auth);
  await bind('IM_SIDEBAR', 'http://127.0.0.1:5173/im-sidebar/', {
    iconName: 'fa-bolt',
    context: 'CHAT;LINES',
  });
  await bind('IM_CONTEXT_MENU', 'http://127.0.0.1:5173/im-context-menu/?mode=x');
  await bind('IM_NAVIGATION', 'http://127.0.0.1:5173/im-navigation/', { iconName: 'fa-home', role: 'ADMIN' });
  return { ...h, auth };
}

describe('GET state', () => {
  it('lists the current user, chats with their visible binding ids, and bindings', async () => {
    const { api } = await withBindings();
    const { body } = await api('state');
    expect(body.portal).toMatchObject({
      domain: '127.0.0.1:3000',
      origin: 'http://127.0.0.1:3000',
      installed: true,
    });
    expect(body.currentUserId).toBe(1);
    const chats = body.chats as { dialogId: string; chatType: string | null; bindingIds: number[] }[];
    expect(chats.find((c) => c.dialogId === 'chat12')).toMatchObject({
      chatType: 'CHAT',
      bindingIds: [1, 2],
    });
    expect(chats.find((c) => c.dialogId === '2')).toMatchObject({ chatType: 'USER', bindingIds: [2] });
    expect(chats.find((c) => c.dialogId === '5')).toMatchObject({ chatType: null, bindingIds: [2] });
    expect((body.bindings as { id: number }[]).map((b) => b.id)).toEqual([1, 2, 3]);
  });

  it('hides role=ADMIN bindings from users and non-extranet bindings from extranet users', async () => {
    const { api } = await withBindings();
    await api('session', { userId: 2 });
    expect(((await api('state')).body.bindings as { id: number }[]).map((b) => b.id)).toEqual([1, 2]);
    await api('session', { userId: 4 });
    expect((await api('state')).body.bindings).toEqual([]);
    expect((await api('session', { userId: 5 })).status).toBe(400);
  });
});

describe('POST launch', () => {
  // HOST-PROTOCOL.md §3 lists SERVER_ENDPOINT, APPLICATION_TOKEN, APPLICATION_SCOPE as documented only.
  it('sends the docs-only launch fields only when the docsLaunchFields switch is on', async () => {
    const { api, runtime } = await withBindings();
    const plain = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as Launch;
    for (const key of ['SERVER_ENDPOINT', 'APPLICATION_TOKEN', 'APPLICATION_SCOPE'])
      expect(plain.fields, key).not.toHaveProperty(key);
    const switched = await api('dev-aids', { docsLaunchFields: true });
    expect(switched.body).toMatchObject({
      devAids: { docsLaunchFields: true, placementEvents: false },
      notPortalBehaviour: { docsLaunchFields: expect.stringContaining('listed by the docs') },
    });
    const withDocs = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as Launch;
    expect(withDocs.fields).toMatchObject({
      SERVER_ENDPOINT: `${runtime.origin}/rest/`,
      APPLICATION_TOKEN: runtime.state.portal.applicationToken,
      APPLICATION_SCOPE: expect.stringContaining('placement'),
    });
    expect((await api('dev-aids', { docsLaunchFields: 'yes' })).body).toMatchObject({
      field: 'docsLaunchFields',
    });
    expect((await api('state')).body.devAids).toEqual({ placementEvents: false, docsLaunchFields: true });
    await api('reset', {});
    expect((await api('state')).body.devAids).toEqual({ placementEvents: false, docsLaunchFields: false });
  });

  it('mints the frame token and builds the form POST like the host', async () => {
    const { api, rest } = await withBindings();
    const r = await api('launch', { bindingId: 1, dialogId: 'chat12' });
    expect(r.status).toBe(200);
    const launch = r.body as Launch;
    expect(launch.appSid).toMatch(/^[0-9a-f]{32}$/);
    expect(launch.action).toBe(
      `http://127.0.0.1:5173/im-sidebar/?DOMAIN=127.0.0.1%3A3000&PROTOCOL=0&LANG=en&APP_SID=${launch.appSid}`,
    );
    expect(launch.frameName).toBe(`127.0.0.1:3000|0|${launch.appSid}`);
    expect(launch.fields).toMatchObject({
      AUTH_EXPIRES: '3600',
      member_id: 'a223c6b3710f85df22e9377d6c4f7553',
      status: 'L',
      PLACEMENT: 'IM_SIDEBAR',
      PLACEMENT_OPTIONS: '{"dialogId":"chat12"}',
    });
    expect((await rest('profile', {}, launch.fields.AUTH_ID)).body.result).toMatchObject({ ID: 1 });
  });

  it('appends with & to a handler query and sends messageId for the context menu', async () => {
    const { api } = await withBindings();
    const r = await api('launch', { bindingId: 2, dialogId: 'chat12', messageId: 101 });
    const launch = r.body as Launch;
    expect(launch.action).toContain('/im-context-menu/?mode=x&DOMAIN=127.0.0.1%3A3000&PROTOCOL=0');
    expect(launch.fields.PLACEMENT_OPTIONS).toBe('{"messageId":"101","dialogId":"chat12"}');
    const wrongMessage = await api('launch', { bindingId: 2, dialogId: 'chat12', messageId: 110 });
    expect(wrongMessage).toMatchObject({ status: 404, body: { field: 'messageId' } });
  });

  it('sends no PLACEMENT_OPTIONS for the navigation and refuses what the host would not show', async () => {
    const { api } = await withBindings();
    const nav = (await api('launch', { bindingId: 3 })).body as Launch;
    expect(nav.fields).not.toHaveProperty('PLACEMENT_OPTIONS');
    expect((await api('launch', { bindingId: 1, dialogId: '2' })).status).toBe(403);
    expect((await api('launch', { bindingId: 1 })).body.field).toBe('dialogId');
    expect((await api('launch', { bindingId: 99, dialogId: 'chat12' })).status).toBe(404);
    expect((await api('launch', { bindingId: 'x' })).body.field).toBe('bindingId');
    await api('session', { userId: 2 });
    expect((await api('launch', { bindingId: 3 })).status).toBe(403);
  });
});

describe('POST frame', () => {
  it('answers getInitData per HOST-PROTOCOL §4 with FIRST_RUN only on the first call per user', async () => {
    const { api } = await withBindings();
    const launch = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as Launch;
    const first = await api('frame', { appSid: launch.appSid, method: 'getInitData', params: {} });
    expect(first.body.reply).toEqual({
      LANG: 'en',
      DOMAIN: '127.0.0.1:3000',
      PROTOCOL: 0,
      PATH: '/rest',
      AUTH_ID: launch.fields.AUTH_ID,
      AUTH_EXPIRES: expect.stringMatching(/^\d+$/),
      REFRESH_ID: launch.fields.REFRESH_ID,
      MEMBER_ID: 'a223c6b3710f85df22e9377d6c4f7553',
      FIRST_RUN: true,
      IS_ADMIN: true,
      INSTALL: false,
      USER_OPTIONS: {},
      APP_OPTIONS: {},
      PLACEMENT: 'IM_SIDEBAR',
      PLACEMENT_OPTIONS: { dialogId: 'chat12' },
    });
    const again = await api('frame', { appSid: launch.appSid, method: 'getInitData' });
    expect((again.body.reply as { FIRST_RUN: boolean }).FIRST_RUN).toBe(false);
    const nav = (await api('launch', { bindingId: 3 })).body as Launch;
    const navInit = (await api('frame', { appSid: nav.appSid, method: 'getInitData' })).body.reply as Record<
      string,
      unknown
    >;
    expect(navInit.PLACEMENT_OPTIONS).toBe('');
    expect(navInit.FIRST_RUN).toBe(false);
  });

  it('refreshes auth, stores user options per user and app options for admins only', async () => {
    const { api, rest } = await withBindings();
    const launch = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as Launch;
    const refreshed = (await api('frame', { appSid: launch.appSid, method: 'refreshAuth' })).body
      .reply as Record<string, string>;
    expect(refreshed.AUTH_ID).toMatch(/^[0-9a-f]{32}$/);
    expect(refreshed.AUTH_ID).not.toBe(launch.fields.AUTH_ID);
    expect((await rest('profile', {}, refreshed.AUTH_ID)).status).toBe(200);
    const setUser = await api('frame', {
      appSid: launch.appSid,
      method: 'setUserOption',
      params: { name: 'theme', value: 'dark' },
    });
    expect(setUser.body).toEqual({ reply: { name: 'theme', value: 'dark' } });
    const setApp = await api('frame', {
      appSid: launch.appSid,
      method: 'setAppOption',
      params: { name: 'k', value: 1 },
    });
    expect(setApp.body).toEqual({ reply: { k: 1 } });
    await api('session', { userId: 2 });
    const userLaunch = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as Launch;
    const init = (await api('frame', { appSid: userLaunch.appSid, method: 'getInitData' })).body
      .reply as Record<string, unknown>;
    expect(init).toMatchObject({ USER_OPTIONS: {}, APP_OPTIONS: { k: 1 }, IS_ADMIN: false, FIRST_RUN: true });
    const refused = await api('frame', {
      appSid: userLaunch.appSid,
      method: 'setAppOption',
      params: { name: 'k', value: 2 },
    });
    expect(refused.body).toEqual({ silent: true });
    expect((await api('frame', { appSid: userLaunch.appSid, method: 'resizeWindow' })).body).toEqual({
      silent: true,
    });
    expect((await api('frame', { appSid: 'f'.repeat(32), method: 'getInitData' })).status).toBe(404);
    expect((await api('frame', { method: 'getInitData' })).body.field).toBe('appSid');
  });

  it('keeps bindings hidden until the install page calls setInstallFinish', async () => {
    const { api } = await withBindings({
      installed: false,
      installHandler: 'http://127.0.0.1:5173/install/',
    });
    expect((await api('state')).body.bindings).toEqual([]);
    expect((await api('launch', { bindingId: 1, dialogId: 'chat12' })).status).toBe(409);
    const install = (await api('install-launch', {})).body as Launch;
    expect(install.fields.PLACEMENT).toBe('DEFAULT');
    expect(install.action).toContain('/install/?DOMAIN=');
    const init = (await api('frame', { appSid: install.appSid, method: 'getInitData' })).body.reply as Record<
      string,
      unknown
    >;
    expect(init).toMatchObject({ INSTALL: true, PLACEMENT: 'DEFAULT', PLACEMENT_OPTIONS: '' });
    expect((await api('frame', { appSid: install.appSid, method: 'setInstallFinish' })).body).toEqual({});
    const state = (await api('state')).body;
    expect(state.portal).toMatchObject({ installed: true });
    expect((state.bindings as unknown[]).length).toBe(3);
  });

  it('refuses install-launch without an install handler', async () => {
    const { api } = harness();
    expect((await api('install-launch', {})).status).toBe(404);
  });
});

describe('the rest of the private API', () => {
  it('signs legacy launches with the app HASH', async () => {
    const { api, rest, auth } = await withBindings();
    await rest(
      'imbot.app.register',
      {
        BOT_ID: 5,
        CODE: 'echo',
        IFRAME: 'http://127.0.0.1:5173/legacy-chat-app/',
        HASH: 'secret-hash',
        LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Echo' }],
      },
      auth,
    );
    const state = (await api('state')).body;
    expect(JSON.stringify(state.legacyApps)).not.toContain('secret-hash');
    const r = await api('legacy-launch', { appId: 1, dialogId: 'chat12', context: 'textarea' });
    const url = r.body.url as string;
    expect(url.startsWith('http://127.0.0.1:5173/legacy-chat-app/?BOT_ID=5&')).toBe(true);
    const verified = verifyChatAppLaunch(url, { secret: 'secret-hash', referer: 'http://127.0.0.1:3000/' });
    expect(verified).toMatchObject({
      ok: true,
      launch: { userId: 1, unverified: { dialogId: 'chat12', context: 'textarea' } },
    });
    expect(verifyChatAppLaunch(url, { secret: 'other' }).ok).toBe(false);
    expect((await api('legacy-launch', { appId: 1, dialogId: 'chat12', context: 'menu' })).body.field).toBe(
      'context',
    );
    expect((await api('legacy-launch', { appId: 9, dialogId: 'chat12' })).status).toBe(404);
    // HOST-PROTOCOL.md §5: BOT_CODE is the bot's code; IS_CHROME and DARK_MODE follow the browser.
    const query = new URL(url).searchParams;
    expect(query.get('BOT_CODE')).toBe('helperbot');
    expect([query.get('IS_CHROME'), query.get('DARK_MODE')]).toEqual(['N', 'N']);
    const chrome = await api('legacy-launch', {
      appId: 1,
      dialogId: 'chat12',
      isChrome: true,
      darkMode: true,
    });
    const flags = new URL(chrome.body.url as string).searchParams;
    expect([flags.get('IS_CHROME'), flags.get('DARK_MODE')]).toEqual(['Y', 'Y']);
    expect((await api('legacy-launch', { appId: 1, dialogId: 'chat12', darkMode: 'yes' })).body.field).toBe(
      'darkMode',
    );
  });

  it('lists the legacy apps each chat shows: not hidden, CONTEXT, extranet support (a bot dialog is BOT)', async () => {
    const { api, rest, auth } = await withBindings();
    const register = (CODE: string, extra: Record<string, unknown>) =>
      rest(
        'imbot.app.register',
        {
          BOT_ID: 5,
          CODE,
          IFRAME: `http://127.0.0.1:5173/${CODE}/`,
          HASH: 'h',
          LANG: [{ LANGUAGE_ID: 'en', TITLE: CODE }],
          ...extra,
        },
        auth,
      );
    await register('everywhere', { EXTRANET_SUPPORT: 'Y' });
    await register('chats', { CONTEXT: 'CHAT;LINES' });
    await register('bots', { CONTEXT: 'BOT' });
    await register('hidden', { HIDDEN: 'Y' });
    const shown = async () => {
      const state = (await api('state')).body as unknown as StateView;
      return Object.fromEntries(state.chats.map((chat) => [chat.dialogId, chat.legacyAppIds]));
    };
    expect(await shown()).toMatchObject({ chat12: [1, 2], '2': [1], '5': [1, 3] });
    await api('session', { userId: 4 });
    expect(Object.values(await shown()).every((ids) => ids.join() === '1')).toBe(true);
  });

  it('posts the shell user messages, lists them, and resets to the seed', async () => {
    const { api, runtime } = await withBindings();
    const posted = await api('messages', { dialogId: 'chat12', text: 'from the shell' });
    expect(posted.body.message).toMatchObject({ authorId: 1, text: 'from the shell' });
    const list = await api('chats/chat12/messages');
    const messages = list.body.messages as { text: string }[];
    expect(messages.at(-1)?.text).toBe('from the shell');
    expect((await api('messages', { dialogId: 'chat12', text: '' })).body.field).toBe('text');
    expect((await api('chats/chat16/messages')).status).toBe(200);
    await api('session', { userId: 4 });
    expect((await api('chats/chat16/messages')).status).toBe(404);
    await api('reset', {});
    expect(runtime.state.bindings).toEqual([]);
    expect(runtime.state.currentUserId).toBe(1);
  });

  it('refuses foreign origins and malformed JSON', async () => {
    const { app, api } = harness();
    const foreign = await app.request('/emulator/api/state', {
      headers: { Origin: 'http://127.0.0.1:5173' },
    });
    expect(foreign.status).toBe(403);
    const same = await app.request('/emulator/api/state', { headers: { Origin: 'http://127.0.0.1:3000' } });
    expect(same.status).toBe(200);
    const bad = await app.request('/emulator/api/session', { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
    expect((await api('token?userId=77')).body.field).toBe('userId');
    expect((await api('token?scope=everything')).body.field).toBe('scope');
  });
});
