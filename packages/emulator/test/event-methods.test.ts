/**
 * event.bind / event.unbind / event.get (bitrix24/b24restdocs api-reference/events/event-bind.md,
 * event-unbind.md, event-get.md) and ONIMBOTMESSAGEADD delivered to an online handler
 * (api-reference/chat-bots/outdated/messages/events/on-imbot-message-add.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness } from './emulator-harness.js';
import { type EventHandlerServer, startEventHandler } from './event-handler-server.js';

const handlers: EventHandlerServer[] = [];
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((h) => h.close()));
});

async function portal() {
  const h = harness();
  const admin = (await h.token(1)).access_token;
  const user = (await h.token(2)).access_token;
  return { ...h, admin, user };
}

describe('event.bind, event.get, event.unbind', () => {
  it('binds online and offline handlers and lists them as event.get shows them', async () => {
    const { rest, admin } = await portal();
    const bind = await rest(
      'event.bind',
      { event: 'onImBotMessageAdd', handler: 'https://app.example/bot/', auth_type: 5 },
      admin,
    );
    expect(bind).toMatchObject({ status: 200, body: { result: true } });
    expect(
      (await rest('event.bind', { event: 'ONAPPUNINSTALL', handler: 'https://app.example/u/' }, admin)).body,
    ).toMatchObject({ result: true });
    // Offline: no handler needed (offline-events.md, "Registering the Handler").
    expect(
      (await rest('event.bind', { event: 'ONIMBOTMESSAGEADD', event_type: 'offline' }, admin)).body,
    ).toMatchObject({ result: true });
    expect((await rest('event.get', {}, admin)).body.result).toEqual([
      { event: 'ONIMBOTMESSAGEADD', handler: 'https://app.example/bot/', auth_type: '5', offline: 0 },
      { event: 'ONAPPUNINSTALL', handler: 'https://app.example/u/', auth_type: '0', offline: 0 },
      { event: 'ONIMBOTMESSAGEADD', handler: '', auth_type: '0', offline: 1 },
    ]);
    const again = await rest(
      'event.bind',
      { event: 'ONAPPUNINSTALL', handler: 'https://app.example/u/' },
      admin,
    );
    expect(again).toMatchObject({ status: 400, body: { error: 'ERROR_CORE' } });
  });

  it('answers the documented errors', async () => {
    const { rest, restForm, admin, user } = await portal();
    expect(
      await rest('event.bind', { event: 'ONCRMLEADADD', handler: 'https://a.example/' }, admin),
    ).toMatchObject({
      status: 400,
      body: { error: 'ERROR_EVENT_NOT_FOUND', error_description: 'Event not found' },
    });
    expect(await rest('event.bind', { event: 'ONAPPUNINSTALL' }, admin)).toMatchObject({
      status: 400,
      body: { error: 'ERROR_ARGUMENT', argument: 'HANDLER' },
    });
    expect(
      (await rest('event.bind', { event: 'ONAPPUNINSTALL', handler: 'nope' }, admin)).body,
    ).toMatchObject({
      argument: 'HANDLER',
    });
    expect(
      await rest('event.bind', { event: 'ONIMBOTMESSAGEADD', event_type: 'offline' }, user),
    ).toMatchObject({
      status: 403,
      body: {
        error: 'ACCESS_DENIED',
        error_description: 'Access denied! Offline events binding requires administrator access rights',
      },
    });
    const other = { event: 'ONAPPUNINSTALL', handler: 'https://a.example/', auth_type: 1 };
    expect((await rest('event.bind', other, user)).body).toMatchObject({
      error_description: 'Access denied! Event binding with AUTH_TYPE requires administrator access rights',
    });
    expect((await rest('event.unbind', { event: 'ONAPPUNINSTALL', auth_type: 1 }, user)).body).toMatchObject({
      error_description: 'Access denied! Event unbinding with AUTH_TYPE requires administrator access rights',
    });
    expect((await rest('event.unbind', { event_type: 'offline' }, user)).body).toMatchObject({
      error_description: 'Access denied! Offline events unbinding requires administrator access rights',
    });
    expect((await rest('event.offline.get', {}, user)).body).toMatchObject({ error: 'ACCESS_DENIED' });
    // Application authorisation only: a webhook is refused.
    const hook = await restForm('/rest/1/k3v9x2m7q1w8e5r4/event.get', '');
    expect(hook).toMatchObject({ status: 403, body: { error: 'WRONG_AUTH_TYPE' } });
  });

  it('a user without admin rights binds on their own behalf and sees and unbinds only their handlers', async () => {
    const { rest, admin, user } = await portal();
    await rest('event.bind', { event: 'ONAPPUNINSTALL', handler: 'https://a.example/admin/' }, admin);
    await rest('event.bind', { event: 'ONAPPUNINSTALL', handler: 'https://a.example/boris/' }, user);
    expect((await rest('event.get', {}, user)).body.result).toEqual([
      { event: 'ONAPPUNINSTALL', handler: 'https://a.example/boris/', auth_type: '2', offline: 0 },
    ]);
    expect((await rest('event.unbind', { event: 'ONAPPUNINSTALL' }, user)).body.result).toEqual({ count: 1 });
    expect((await rest('event.get', {}, admin)).body.result).toHaveLength(1);
  });

  it('event.unbind removes what matches and answers the count', async () => {
    const { rest, admin } = await portal();
    await rest('event.bind', { event: 'ONAPPUNINSTALL', handler: 'https://a.example/1/' }, admin);
    await rest(
      'event.bind',
      { event: 'ONAPPUNINSTALL', handler: 'https://a.example/2/', auth_type: 1 },
      admin,
    );
    await rest('event.bind', { event: 'ONIMBOTMESSAGEADD', event_type: 'offline' }, admin);
    // auth_type=0 keeps handlers bound with another auth_type (event-unbind.md).
    expect(
      (await rest('event.unbind', { event: 'ONAPPUNINSTALL', auth_type: 0 }, admin)).body.result,
    ).toEqual({
      count: 1,
    });
    expect((await rest('event.unbind', { event: 'ONAPPUNINSTALL' }, admin)).body.result).toEqual({
      count: 1,
    });
    expect((await rest('event.unbind', { event: 'ONIMBOTMESSAGEADD' }, admin)).body.result).toEqual({
      count: 0,
    });
    expect(
      (await rest('event.unbind', { event: 'ONIMBOTMESSAGEADD', event_type: 'offline' }, admin)).body.result,
    ).toEqual({ count: 1 });
    expect((await rest('event.get', {}, admin)).body.result).toEqual([]);
  });
});

describe('ONIMBOTMESSAGEADD (on-imbot-message-add.md)', () => {
  it('posts a message to the bot as the documented form: BOT with its auth, PARAMS, USER and the author auth', async () => {
    const { rest, admin, runtime } = await portal();
    const bot = await startEventHandler();
    handlers.push(bot);
    await rest('event.bind', { event: 'ONIMBOTMESSAGEADD', handler: bot.url }, admin);
    const sent = await rest('im.message.add', { DIALOG_ID: '5', MESSAGE: 'hello bot' }, admin);
    const [post] = await bot.received(1);
    const f = post!.fields;
    expect(f).toMatchObject({
      event: 'ONIMBOTMESSAGEADD',
      event_handler_id: '1',
      'data[BOT][5][BOT_ID]': '5',
      'data[BOT][5][BOT_CODE]': 'helperbot',
      'data[BOT][5][user_id]': '5',
      'data[BOT][5][AUTH][user_id]': '5',
      'data[BOT][5][client_id]': 'local.6650f1d2c5a4e1.00000001',
      'data[PARAMS][MESSAGE]': 'hello bot',
      'data[PARAMS][MESSAGE_TYPE]': 'P',
      'data[PARAMS][FROM_USER_ID]': '1',
      'data[PARAMS][DIALOG_ID]': '1',
      'data[PARAMS][TO_CHAT_ID]': '2',
      'data[PARAMS][TO_USER_ID]': '5',
      'data[PARAMS][MESSAGE_ID]': String(sent.body.result),
      'data[PARAMS][CHAT_TYPE]': 'P',
      'data[USER][ID]': '1',
      'data[USER][IS_BOT]': 'N',
      'auth[user_id]': '1',
      'auth[application_token]': runtime.state.portal.applicationToken,
    });
    expect(await rest('profile', {}, f['data[BOT][5][access_token]'])).toMatchObject({
      body: { result: { ID: 5 } },
    });
    // In a group chat only a mention reaches the bot; the bot's own messages never do.
    await rest('im.message.add', { DIALOG_ID: 'chat14', MESSAGE: 'no mention' }, admin);
    await rest('im.message.add', { DIALOG_ID: 'chat14', MESSAGE: '[USER=5]Helper[/USER] help' }, admin);
    const [, mention] = await bot.received(2);
    expect(mention!.fields).toMatchObject({
      'data[PARAMS][MESSAGE]': '[USER=5]Helper[/USER] help',
      'data[PARAMS][DIALOG_ID]': 'chat14',
      'data[PARAMS][MESSAGE_TYPE]': 'C',
    });
    expect(mention!.fields['data[PARAMS][TO_USER_ID]']).toBeUndefined();
  });

  it('raises nothing until the install is finished (on-app-install.md note)', async () => {
    const h = harness({ installed: false });
    const admin = (await h.token(1)).access_token;
    await h.rest('event.bind', { event: 'ONIMBOTMESSAGEADD', event_type: 'offline' }, admin);
    await h.rest('im.message.add', { DIALOG_ID: '5', MESSAGE: 'before' }, admin);
    expect((await h.rest('event.offline.list', {}, admin)).body.total).toBe(0);
    h.runtime.state.portal.installed = true;
    await h.rest('im.message.add', { DIALOG_ID: '5', MESSAGE: 'after' }, admin);
    const list = await h.rest('event.offline.list', {}, admin);
    expect(list.body.total).toBe(1);
    expect(list.body.result).toMatchObject([{ EVENT_DATA: { PARAMS: { MESSAGE: 'after' } } }]);
  });
});
