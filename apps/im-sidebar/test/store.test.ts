import { createFakeFrame } from '@imkit/app-kit/testing';
import { FrameError, RestError, type RestParams } from '@imkit/frame';
import { describe, expect, it } from 'vitest';
import { createSidebarStore, type SidebarStore } from '../src/store.js';
import { groupChat, messagePage, openLineChat, openLineDialog } from './fixtures.js';

function hostError(method: string, code: string, status = 400): RestError {
  return new RestError({ code, description: `${code} from host`, status, method });
}

function sidebar(dialogId: string, rest: Record<string, (params: RestParams) => unknown>) {
  const frame = createFakeFrame({ placement: 'IM_SIDEBAR', options: { dialogId }, rest });
  return { frame, store: createSidebarStore(frame, { pageSize: 5, maxPages: 3 }) };
}

describe('sidebar store: load', () => {
  it('loads chat and first page in one batch, pages back through history and computes insights', async () => {
    const older = {
      messages: [{ id: 90, author_id: 2, date: '2026-11-19T09:00:00+00:00', text: 'old' }],
      users: { 2: { id: 2, name: 'Chris Curtis' } },
    };
    const { frame, store } = sidebar('chat12', {
      'im.dialog.get': () => groupChat,
      'im.dialog.messages.get': (p) => (p.LAST_ID === 101 ? older : messagePage),
    });
    await store.getState().load();
    const state = store.getState();
    expect(state.chat).toMatchObject({ status: 'ready', data: { kind: 'CHAT', title: 'Release team' } });
    expect(state.session).toBeNull();
    expect(frame.calls.map((c) => c.command)).toEqual(['batch', 'rest:im.dialog.messages.get']);
    expect(frame.calls[1]?.args[0]).toEqual({ DIALOG_ID: 'chat12', LAST_ID: 101, LIMIT: 5 });
    if (state.insights.status !== 'ready') throw new Error('insights not ready');
    expect(state.insights.data.messagesAnalysed).toBe(6);
    expect(state.insights.data.authors.find((a) => a.userId === 2)?.messages).toBe(2);
  });

  it('stops after maxPages even when the host keeps returning full pages', async () => {
    let next = 1000;
    const fullPage = () => ({
      messages: Array.from({ length: 5 }, () => ({ id: next--, author_id: 1, text: 'x' })),
      users: {},
    });
    const { frame, store } = sidebar('chat12', {
      'im.dialog.get': () => groupChat,
      'im.dialog.messages.get': fullPage,
    });
    await store.getState().load();
    expect(frame.calls.filter((c) => c.command === 'rest:im.dialog.messages.get')).toHaveLength(2);
    const insights = store.getState().insights;
    expect(insights.status === 'ready' && insights.data.messagesAnalysed).toBe(15);
  });

  it('keeps the host error code per part when a batch entry fails', async () => {
    const { store } = sidebar('chat12', {
      'im.dialog.get': () => groupChat,
      'im.dialog.messages.get': () => {
        throw hostError('im.dialog.messages.get', 'ACCESS_ERROR', 403);
      },
    });
    await store.getState().load();
    expect(store.getState().chat.status).toBe('ready');
    expect(store.getState().insights).toMatchObject({ status: 'error', error: { code: 'ACCESS_ERROR' } });
  });

  it('reports a failed batch request for both parts', async () => {
    const frame = createFakeFrame({ placement: 'IM_SIDEBAR', options: { dialogId: 'chat12' } });
    const failing = {
      ...frame,
      rest: {
        ...frame.rest,
        batch: async () => {
          throw hostError('batch', 'QUERY_LIMIT_EXCEEDED', 503);
        },
      },
    };
    const store = createSidebarStore(failing);
    await store.getState().load();
    expect(store.getState().chat).toMatchObject({ status: 'error', error: { code: 'QUERY_LIMIT_EXCEEDED' } });
    expect(store.getState().insights).toMatchObject({
      status: 'error',
      error: { code: 'QUERY_LIMIT_EXCEEDED' },
    });
  });

  it('refuses a dialogId that is not a chat without calling the host', async () => {
    const { frame, store } = sidebar('chat12"; drop', {});
    await store.getState().load();
    expect(frame.calls).toEqual([]);
    expect(store.getState().chat).toMatchObject({ status: 'error', error: { code: 'DIALOG_ID_EMPTY' } });
  });
});

async function transferTo(store: SidebarStore, kind: 'operator' | 'queue', id: string): Promise<void> {
  store.getState().setTransferKind(kind);
  store.getState().setTransferId(id);
  await store.getState().transfer();
}

describe('sidebar store: open-line session', () => {
  const lines = (extra: Record<string, (params: RestParams) => unknown> = {}) =>
    sidebar('chat71', {
      'im.dialog.get': () => openLineChat,
      'im.dialog.messages.get': () => ({ messages: [], users: {} }),
      'imopenlines.dialog.get': () => openLineDialog,
      ...extra,
    });

  async function loaded(extra?: Record<string, (params: RestParams) => unknown>) {
    const setup = lines(extra);
    await setup.store.getState().load();
    await setup.store.getState().loadSession();
    return setup;
  }

  it('loads the session with its CRM binding and operators', async () => {
    const { store, frame } = await loaded();
    expect(store.getState().session).toMatchObject({
      status: 'ready',
      data: {
        chatId: 71,
        data: { crm: { entityType: 'deal', entityId: 12 }, sessionId: 7 },
        operators: [1, 3],
      },
    });
    expect(frame.calls.find((c) => c.command === 'rest:imopenlines.dialog.get')?.args[0]).toEqual({
      CHAT_ID: 71,
    });
  });

  it('sends a canned automatic message', async () => {
    const sent: RestParams[] = [];
    const { store } = await loaded({
      'imopenlines.bot.session.message.send': (p) => {
        sent.push(p);
        return true;
      },
    });
    await store.getState().sendAutoMessage('WELCOME', '  Hello!  ');
    expect(sent).toEqual([{ CHAT_ID: 71, NAME: 'WELCOME', MESSAGE: 'Hello!' }]);
    expect(store.getState().action).toEqual({ status: 'done', action: 'message' });
  });

  it('refuses an empty message before calling the host', async () => {
    const { store, frame } = await loaded();
    const before = frame.calls.length;
    await store.getState().sendAutoMessage('DEFAULT', '   ');
    expect(frame.calls.length).toBe(before);
    expect(store.getState().action).toEqual({
      status: 'invalid',
      action: 'message',
      problem: { field: 'message', code: 'REQUIRED' },
    });
  });

  it('transfers to an operator or a queue, and validates the id', async () => {
    const transfers: RestParams[] = [];
    const { store } = await loaded({
      'imopenlines.bot.session.transfer': (p) => {
        transfers.push(p);
        return true;
      },
    });
    await transferTo(store, 'operator', '3');
    await transferTo(store, 'queue', ' 2 ');
    await transferTo(store, 'queue', '-1');
    expect(transfers).toEqual([
      { CHAT_ID: 71, USER_ID: 3, LEAVE: 'N' },
      { CHAT_ID: 71, QUEUE_ID: 2, LEAVE: 'N' },
    ]);
    expect(store.getState().action).toMatchObject({
      status: 'invalid',
      problem: { field: 'targetId', code: 'NOT_A_POSITIVE_INTEGER' },
    });
  });

  it('shows the documented error code of a refused transfer', async () => {
    const { store } = await loaded({
      'imopenlines.bot.session.transfer': () => {
        throw hostError('imopenlines.bot.session.transfer', 'WRONG_CHAT');
      },
    });
    await transferTo(store, 'operator', '9');
    expect(store.getState().action).toMatchObject({
      status: 'failed',
      action: 'transfer',
      error: { code: 'WRONG_CHAT' },
    });
  });

  it('finishes the session and reloads it', async () => {
    const { store, frame } = await loaded({ 'imopenlines.bot.session.finish': () => true });
    await store.getState().finish();
    expect(store.getState().action).toEqual({ status: 'done', action: 'finish' });
    const commands = frame.calls.map((c) => c.command);
    expect(commands.slice(-2)).toEqual([
      'rest:imopenlines.bot.session.finish',
      'rest:imopenlines.dialog.get',
    ]);
    expect(frame.calls.at(-2)?.args[0]).toEqual({ CHAT_ID: 71 });
  });

  it('shows a failed session load with its code', async () => {
    const { store } = await loaded({
      'imopenlines.dialog.get': () => {
        throw hostError('imopenlines.dialog.get', 'ACCESS_ERROR', 403);
      },
    });
    expect(store.getState().session).toMatchObject({ status: 'error', error: { code: 'ACCESS_ERROR' } });
  });

  it('does not act when the session is not loaded', async () => {
    const { store, frame } = sidebar('chat12', {
      'im.dialog.get': () => groupChat,
      'im.dialog.messages.get': () => messagePage,
    });
    await store.getState().load();
    const before = frame.calls.length;
    await store.getState().finish();
    expect(frame.calls.length).toBe(before);
    expect(store.getState().action).toMatchObject({ status: 'invalid', problem: { field: 'chatId' } });
  });

  it("fills the operator id from the host's user picker", async () => {
    const { store, frame } = await loaded();
    store.getState().setTransferKind('queue');
    await store.getState().pickOperator();
    expect(frame.calls.at(-1)?.command).toBe('selectUser');
    expect(store.getState()).toMatchObject({ transferKind: 'operator', transferId: '1' });
  });

  it('ignores a closed picker but reports a picker that timed out', async () => {
    const { store, frame } = await loaded();
    const failWith = (code: 'HOST_ERROR' | 'FRAME_TIMEOUT') => {
      const picking = createSidebarStore({
        ...frame,
        selectUser: (async () => {
          throw new FrameError(code, 'selectUser', 'no user');
        }) as typeof frame.selectUser,
      });
      return picking;
    };
    const closed = failWith('HOST_ERROR');
    await closed.getState().pickOperator();
    expect(closed.getState().action).toEqual({ status: 'idle' });
    const timedOut = failWith('FRAME_TIMEOUT');
    await timedOut.getState().pickOperator();
    expect(timedOut.getState().action).toMatchObject({ status: 'failed', error: { code: 'FRAME_TIMEOUT' } });
    expect(store.getState().transferId).toBe('');
  });
});
