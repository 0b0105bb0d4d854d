import { describe, expect, it } from 'vitest';
import type { EmulatorEvent } from '../src/portal/event-hub.js';
import { harness } from './emulator-harness.js';

async function admin() {
  const h = harness();
  const { access_token } = await h.token(1);
  return { ...h, auth: access_token };
}

describe('im.message.add', () => {
  it('adds a message, pushes it to the shell at once and returns its id', async () => {
    const { rest, auth, runtime } = await admin();
    const events: EmulatorEvent[] = [];
    runtime.events.subscribe((e) => events.push(e));
    const r = await rest(
      'im.message.add',
      { DIALOG_ID: 'chat12', MESSAGE: 'See https://example.com/a.' },
      auth,
    );
    expect(r.status).toBe(200);
    const id = r.body.result as number;
    const message = runtime.state.messages.find((m) => m.id === id);
    expect(message).toMatchObject({ chatId: 12, authorId: 1, links: ['https://example.com/a'] });
    const pushed = events.find((e) => e.name === 'message');
    expect(pushed?.data).toMatchObject({ chatId: 12, dialogId: 'chat12', message: { id } });
    expect(events.some((e) => e.name === 'traffic')).toBe(true);
  });

  it('sends to a private dialog by user id and stores system messages without author', async () => {
    const { rest, auth, runtime } = await admin();
    const r = await rest('im.message.add', { DIALOG_ID: '3', MESSAGE: 'hello', SYSTEM: 'Y' }, auth);
    const message = runtime.state.messages.find((m) => m.id === r.body.result);
    const chat = runtime.state.chats.find((c) => c.id === message?.chatId);
    expect(chat).toMatchObject({ kind: 'private', members: [1, 3] });
    expect(message).toMatchObject({ system: true, authorId: 0 });
  });

  it('answers the documented errors for recipients and text', async () => {
    const { rest, auth, token } = await admin();
    expect((await rest('im.message.add', { MESSAGE: 'x' }, auth)).body.error).toBe('USER_ID_EMPTY');
    expect((await rest('im.message.add', { DIALOG_ID: 'chat', MESSAGE: 'x' }, auth)).body.error).toBe(
      'CHAT_ID_EMPTY',
    );
    expect((await rest('im.message.add', { DIALOG_ID: 'chat12', MESSAGE: '  ' }, auth)).body.error).toBe(
      'MESSAGE_EMPTY',
    );
    expect((await rest('im.message.add', { DIALOG_ID: '999', MESSAGE: 'x' }, auth)).body.error).toBe(
      'ACCESS_ERROR',
    );
    const erik = (await token(4)).access_token;
    const notMember = await rest('im.message.add', { DIALOG_ID: 'chat16', MESSAGE: 'x' }, erik);
    expect(notMember.status).toBe(400);
    expect(notMember.body.error).toBe('ACCESS_ERROR');
  });

  it('validates ATTACH structure, accepts the short and full forms, and enforces 30 KB', async () => {
    const { rest, auth } = await admin();
    const send = (ATTACH: unknown) =>
      rest('im.message.add', { DIALOG_ID: 'chat12', MESSAGE: 'm', ATTACH }, auth);
    expect((await send([{ LINK: { NAME: 'Doc', LINK: 'https://example.com' } }])).body.result).toBeTypeOf(
      'number',
    );
    expect(
      (await send({ ID: 1, COLOR: '#29619b', BLOCKS: [{ MESSAGE: 'hi' }, { DELIMITER: { SIZE: 200 } }] }))
        .body.result,
    ).toBeTypeOf('number');
    expect((await send([{ GRID: [{ NAME: 'a', VALUE: 'b', DISPLAY: 'LINE' }] }])).body.result).toBeTypeOf(
      'number',
    );
    expect((await send([{ NOPE: 1 }])).body).toMatchObject({ error: 'ATTACH_ERROR' });
    expect((await send({ BLOCKS: [] })).body.error).toBe('ATTACH_ERROR');
    expect((await send([{ IMAGE: { NAME: 'no link' } }])).body.error).toBe('ATTACH_ERROR');
    expect((await send('{not json')).body.error).toBe('ATTACH_ERROR');
    const big = await send([{ MESSAGE: 'x'.repeat(31 * 1024) }]);
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({
      error: 'ATTACH_OVERSIZE',
      error_description: 'Maximum permissible attachment size was exceeded (30 Kb).',
    });
    const onlyAttach = await rest(
      'im.message.add',
      { DIALOG_ID: 'chat12', ATTACH: [{ MESSAGE: 'a' }] },
      auth,
    );
    expect(onlyAttach.body.result).toBeTypeOf('number');
  });

  it('validates KEYBOARD and MENU buttons and their size', async () => {
    const { rest, auth } = await admin();
    const send = (extra: Record<string, unknown>) =>
      rest('im.message.add', { DIALOG_ID: 'chat12', MESSAGE: 'm', ...extra }, auth);
    const keyboard = [
      { TEXT: 'Site', LINK: 'https://example.com', DISPLAY: 'LINE' },
      { TYPE: 'NEWLINE' },
      { TEXT: 'Echo', COMMAND: 'echo' },
      { TEXT: 'Copy', ACTION: 'COPY', ACTION_VALUE: 'text' },
    ];
    expect((await send({ KEYBOARD: keyboard })).body.result).toBeTypeOf('number');
    expect((await send({ KEYBOARD: [{ TEXT: 'no action' }] })).body.error).toBe('KEYBOARD_ERROR');
    expect((await send({ KEYBOARD: [{ LINK: 'https://x.example' }] })).body.error).toBe('KEYBOARD_ERROR');
    expect((await send({ KEYBOARD: [{ TEXT: 'a', COMMAND: 'b', DISPLAY: 'WIDE' }] })).body.error).toBe(
      'KEYBOARD_ERROR',
    );
    const many = Array.from({ length: 400 }, (_, i) => ({
      TEXT: `button ${i} ${'y'.repeat(60)}`,
      COMMAND: 'c',
    }));
    expect((await send({ KEYBOARD: many })).body.error).toBe('KEYBOARD_OVERSIZE');
    expect((await send({ MENU: [{ TEXT: 'Open', APP_ID: '12', APP_PARAMS: 'x' }] })).body.result).toBeTypeOf(
      'number',
    );
    expect((await send({ MENU: [{ TEXT: 'Nothing' }] })).body.error).toBe('MENU_ERROR');
    expect((await send({ MENU: many })).body.error).toBe('MENU_OVERSIZE');
  });
});

describe('reading dialogs', () => {
  it('im.dialog.messages.get returns the newest messages and pages with LAST_ID', async () => {
    const { rest, auth } = await admin();
    const r = await rest('im.dialog.messages.get', { DIALOG_ID: 'chat12', LIMIT: 2 }, auth);
    const result = r.body.result as {
      messages: { id: number }[];
      users: Record<string, unknown>;
      chat_id: number;
    };
    expect(result.messages.map((m) => m.id)).toEqual([104, 103]);
    expect(result.chat_id).toBe(12);
    expect(Object.keys(result.users).sort()).toEqual(['3', '4']);
    const older = await rest('im.dialog.messages.get', { DIALOG_ID: 'chat12', LAST_ID: 103 }, auth);
    expect((older.body.result as { messages: { id: number }[] }).messages.map((m) => m.id)).toEqual([
      102, 101, 100,
    ]);
  });

  it('im.dialog.get, im.chat.get, im.recent.list and im.user.get', async () => {
    const { rest, auth } = await admin();
    const dialog = await rest('im.dialog.get', { DIALOG_ID: 'chat14' }, auth);
    expect(dialog.body.result).toMatchObject({ id: 14, type: 'lines', entity_type: 'LINES' });
    expect((await rest('im.dialog.get', {}, auth)).body.error).toBe('DIALOG_ID_EMPTY');
    const crm = await rest('im.chat.get', { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|7' }, auth);
    expect(crm.body.result).toBe(16);
    expect(
      (await rest('im.chat.get', { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|8' }, auth)).body.result,
    ).toBeNull();
    const recent = await rest('im.recent.list', { SKIP_OPENLINES: 'Y' }, auth);
    const ids = (recent.body.result as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).toContain('chat12');
    expect(ids).toContain('2');
    expect(ids).not.toContain('chat14');
    expect((await rest('im.user.get', { ID: 4 }, auth)).body.result).toMatchObject({ id: 4, extranet: true });
    expect((await rest('im.user.get', { ID: 404 }, auth)).body.error).toBe('USER_NOT_FOUND');
  });
});

describe('imopenlines', () => {
  it('reads the open-line dialog by session, adds CRM messages and runs the session', async () => {
    const { rest, auth, runtime } = await admin();
    const bySession = await rest('imopenlines.dialog.get', { SESSION_ID: 501 }, auth);
    expect(bySession.body.result).toMatchObject({ id: 14, entity_id: 'livechat|1|14|6' });
    const crm = await rest(
      'imopenlines.crm.message.add',
      { CRM_ENTITY_TYPE: 'lead', CRM_ENTITY: 21, USER_ID: 3, CHAT_ID: 14, MESSAGE: 'Order found' },
      auth,
    );
    expect(crm.body.result).toBeTypeOf('number');
    const wrongEntity = await rest(
      'imopenlines.crm.message.add',
      { CRM_ENTITY_TYPE: 'deal', CRM_ENTITY: 21, USER_ID: 3, CHAT_ID: 14, MESSAGE: 'x' },
      auth,
    );
    expect(wrongEntity.body.error).toBe('CHAT_NOT_IN_CRM');
    const missing = await rest('imopenlines.crm.message.add', { CRM_ENTITY_TYPE: 'lead' }, auth);
    expect(missing.body).toMatchObject({ error: 'ERROR_ARGUMENT', argument: 'CRM_ENTITY' });
    expect(
      (
        await rest(
          'imopenlines.bot.session.message.send',
          { CHAT_ID: 14, MESSAGE: 'auto', NAME: 'DEFAULT' },
          auth,
        )
      ).body.result,
    ).toBe(true);
    expect((await rest('imopenlines.bot.session.message.send', { MESSAGE: 'x' }, auth)).body.error).toBe(
      'CHAT_ID_EMPTY',
    );
    expect(
      (await rest('imopenlines.bot.session.transfer', { CHAT_ID: 14, USER_ID: 5 }, auth)).body.error,
    ).toBe('WRONG_CHAT');
    expect((await rest('imopenlines.bot.session.transfer', { CHAT_ID: 14 }, auth)).body.error).toBe(
      'USER_ID_EMPTY',
    );
    expect(
      (await rest('imopenlines.bot.session.transfer', { CHAT_ID: 14, USER_ID: 2 }, auth)).body.result,
    ).toBe(true);
    expect(runtime.state.chats.find((c) => c.id === 14)?.session).toMatchObject({
      operatorId: 2,
      status: 'transferred',
    });
    expect((await rest('imopenlines.bot.session.finish', { CHAT_ID: 14 }, auth)).body.result).toBe(true);
    expect(runtime.state.chats.find((c) => c.id === 14)?.session?.status).toBe('closed');
    expect((await rest('imopenlines.bot.session.finish', { CHAT_ID: 12 }, auth)).body.error).toBe(
      'WRONG_CHAT',
    );
  });
});

describe('imbot.app.*', () => {
  it('registers IFRAME apps with the HASH rules and loopback http URLs', async () => {
    const { rest, auth, runtime } = await admin();
    const app = {
      BOT_ID: 5,
      CODE: 'echo',
      IFRAME: 'http://127.0.0.1:5173/legacy-chat-app/',
      IFRAME_WIDTH: 100,
      IFRAME_HEIGHT: 10,
      HASH: `${'a'.repeat(32)}tail`,
      LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Echo', DESCRIPTION: 'Echo app' }],
    };
    const first = await rest('imbot.app.register', app, auth);
    expect(first.body.result).toBe(1);
    expect(runtime.state.legacyApps[0]).toMatchObject({
      hash: 'a'.repeat(32),
      width: 250,
      height: 50,
      title: 'Echo',
    });
    expect((await rest('imbot.app.register', { ...app, HASH: 'other' }, auth)).body.result).toBe(1);
    expect((await rest('imbot.app.register', { ...app, CODE: 'x', HASH: '0' }, auth)).body.error).toBe(
      'HASH_ERROR',
    );
    expect(
      (await rest('imbot.app.register', { ...app, CODE: 'y', IFRAME: 'http://apps.example.com/' }, auth)).body
        .error,
    ).toBe('IFRAME_HTTPS');
    expect((await rest('imbot.app.register', { ...app, BOT_ID: 2 }, auth)).body.error).toBe('BOT_ID_ERROR');
    expect(
      (
        await rest(
          'imbot.app.update',
          { APP_ID: 1, FIELDS: { IFRAME: 'https://apps.example.com/echo' } },
          auth,
        )
      ).body.result,
    ).toBe(true);
    expect(runtime.state.legacyApps[0]?.iframe).toBe('https://apps.example.com/echo');
    expect((await rest('imbot.app.unregister', { APP_ID: 1 }, auth)).body.result).toBe(true);
    expect((await rest('imbot.app.unregister', { APP_ID: 1 }, auth)).body.error).toBe('CHAT_APP_ID_ERROR');
  });
});
