import { describe, expect, it } from 'vitest';
import { harness } from './emulator-harness.js';

const sidebar = {
  PLACEMENT: 'IM_SIDEBAR',
  HANDLER: 'http://127.0.0.1:5173/im-sidebar/',
  TITLE: 'Insights',
  OPTIONS: { iconName: 'fa-bolt', context: 'CHAT;LINES', role: 'USER', extranet: 'N', color: 'GREEN' },
};

async function admin() {
  const h = harness();
  const { access_token } = await h.token(1);
  return { ...h, auth: access_token };
}

describe('placement.bind', () => {
  it('binds and refuses the same handler twice with ERROR_CORE', async () => {
    const { rest, auth } = await admin();
    const first = await rest('placement.bind', sidebar, auth);
    expect(first.status).toBe(200);
    expect(first.body.result).toBe(true);
    const again = await rest('placement.bind', sidebar, auth);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      error: 'ERROR_CORE',
      error_description: 'Unable to set placement handler: Handler already binded',
    });
    const otherQuery = await rest('placement.bind', { ...sidebar, HANDLER: `${sidebar.HANDLER}?v=2` }, auth);
    expect(otherQuery.body.result).toBe(true);
  });

  it('answers option errors with HTTP 200 and no result, reporting the last failing check', async () => {
    const { rest, auth } = await admin();
    const r = await rest(
      'placement.bind',
      { ...sidebar, OPTIONS: { iconName: 'fa-x', extranet: 'maybe', color: 'TEAL' } },
      auth,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      error: 'INVALID_ERROR_COLOR',
      error_description: 'Field color is invalid.',
    });
    expect(r.body).not.toHaveProperty('result');
  });

  it('refuses a missing iconName with 400 ERROR_ARGUMENT naming the argument', async () => {
    const { rest, auth } = await admin();
    const r = await rest('placement.bind', { ...sidebar, OPTIONS: { context: 'ALL' } }, auth);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'ERROR_ARGUMENT', argument: 'iconName' });
  });

  it('refuses a handler host without a dot and an unknown placement', async () => {
    const { rest, auth } = await admin();
    const local = await rest('placement.bind', { ...sidebar, HANDLER: 'http://localhost:5173/x/' }, auth);
    expect(local.status).toBe(400);
    expect(local.body.error).toBe('ERROR_WRONG_HANDLER_URL');
    const unknown = await rest('placement.bind', { ...sidebar, PLACEMENT: 'IM_NOPE' }, auth);
    expect(unknown.body.error).toBe('ERROR_PLACEMENT_NOT_FOUND');
  });

  it('parses PHP-style bracket keys of a form body into OPTIONS', async () => {
    const { restForm, rest, auth } = await admin();
    const form = [
      `auth=${auth}`,
      'PLACEMENT=IM_TEXTAREA',
      `HANDLER=${encodeURIComponent('http://127.0.0.1:5173/im-textarea/')}`,
      'OPTIONS[iconName]=fa-pencil',
      'OPTIONS[width]=300',
      'LANG_ALL[en][TITLE]=Write',
    ].join('&');
    const r = await restForm('/rest/placement.bind.json', form);
    expect(r.body.result).toBe(true);
    const got = await rest('placement.get', {}, auth);
    expect(got.body.result).toEqual([
      {
        placement: 'IM_TEXTAREA',
        userId: 0,
        handler: 'http://127.0.0.1:5173/im-textarea/',
        options: {
          iconName: 'fa-pencil',
          extranet: 'N',
          context: 'ALL',
          role: 'USER',
          color: '',
          height: '100',
          width: '300',
        },
        title: '',
        description: '',
        langAll: { en: { TITLE: 'Write' } },
      },
    ]);
  });

  it('refuses webhooks with 403 WRONG_AUTH_TYPE and non-admins with 403 ACCESS_DENIED', async () => {
    const { rest, restGet, token, runtime } = harness();
    const hook = runtime.state.webhooks[0]!;
    const viaHook = await restGet(`/rest/${hook.userId}/${hook.code}/placement.get`);
    expect(viaHook.status).toBe(403);
    expect(viaHook.body.error).toBe('WRONG_AUTH_TYPE');
    const listViaHook = await restGet(`/rest/${hook.userId}/${hook.code}/placement.list`);
    expect(listViaHook.body.error).toBe('WRONG_AUTH_TYPE');
    const { access_token } = await token(2);
    const denied = await rest('placement.bind', sidebar, access_token);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: 'ACCESS_DENIED', error_description: 'Access denied!' });
    const list = await rest('placement.list', {}, access_token);
    expect(list.body.result).toEqual(
      expect.arrayContaining(['IM_NAVIGATION', 'IM_SIDEBAR', 'IM_CONTEXT_MENU']),
    );
  });

  it('refuses a token without the placement scope with 401 insufficient_scope', async () => {
    const { api, rest } = harness();
    const limited = (await api('token?userId=1&scope=im,user')).body as { access_token: string };
    const r = await rest('placement.bind', sidebar, limited.access_token);
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('insufficient_scope');
  });
});

describe('placement.unbind and placement.get', () => {
  it('returns twice the number of deleted rows and 0 for unknown handlers', async () => {
    const { rest, auth } = await admin();
    await rest('placement.bind', sidebar, auth);
    await rest('placement.bind', { ...sidebar, HANDLER: `${sidebar.HANDLER}?b=1` }, auth);
    await rest('placement.bind', { ...sidebar, PLACEMENT: 'IM_CONTEXT_MENU', OPTIONS: {} }, auth);
    const none = await rest(
      'placement.unbind',
      { PLACEMENT: 'IM_SIDEBAR', HANDLER: 'http://1.2.3.4/x' },
      auth,
    );
    expect(none.body.result).toEqual({ count: 0 });
    const one = await rest('placement.unbind', { PLACEMENT: 'IM_SIDEBAR', HANDLER: sidebar.HANDLER }, auth);
    expect(one.body.result).toEqual({ count: 2 });
    await rest('placement.bind', sidebar, auth);
    const all = await rest('placement.unbind', { PLACEMENT: 'IM_SIDEBAR' }, auth);
    expect(all.body.result).toEqual({ count: 4 });
    const left = await rest('placement.get', {}, auth);
    expect((left.body.result as { placement: string }[]).map((b) => b.placement)).toEqual([
      'IM_CONTEXT_MENU',
    ]);
  });

  it('lists bindings ordered by id', async () => {
    const { rest, auth } = await admin();
    for (const path of ['b/', 'a/', 'c/'])
      await rest('placement.bind', { ...sidebar, HANDLER: `http://127.0.0.1:5173/${path}` }, auth);
    const got = await rest('placement.get', {}, auth);
    expect((got.body.result as { handler: string }[]).map((b) => b.handler.slice(-2))).toEqual([
      'b/',
      'a/',
      'c/',
    ]);
  });
});
