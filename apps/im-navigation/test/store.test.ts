import { describe, expect, it } from 'vitest';
import { createDashboardStore } from '../src/store.js';
import { dashboardFrame, denied, recentList } from './fixtures.js';

describe('dashboard store', () => {
  it('loads the recent chats', async () => {
    const store = createDashboardStore(dashboardFrame());
    const loading = store.getState().load();
    expect(store.getState().chats.status).toBe('loading');
    await loading;
    const { chats } = store.getState();
    expect(chats.status === 'ready' && chats.data.map((c) => c.dialogId)).toEqual(['chat12', '2', 'chat16']);
  });

  it('keeps the REST error code when the list fails', async () => {
    const store = createDashboardStore(dashboardFrame({ 'im.recent.list': () => denied('im.recent.list') }));
    await store.getState().load();
    expect(store.getState().chats).toEqual({
      status: 'error',
      error: { code: 'ACCESS_ERROR', description: 'No access' },
    });
  });

  it('broadcasts to every selected chat in one batch and reports each chat', async () => {
    let nextId = 500;
    const frame = dashboardFrame({
      'im.message.add': (params) => (params.DIALOG_ID === 'chat16' ? denied('im.message.add') : nextId++),
    });
    const store = createDashboardStore(frame);
    await store.getState().load();
    store.getState().toggle('chat12');
    store.getState().toggle('2');
    store.getState().toggle('chat16');
    store.getState().setDraft('  Standup moved to 11:00  ');
    await store.getState().send();

    const batches = frame.calls.filter((c) => c.command === 'batch');
    expect(batches).toHaveLength(1);
    expect(batches[0]?.args[0]).toEqual({
      to0: { method: 'im.message.add', params: { DIALOG_ID: 'chat12', MESSAGE: 'Standup moved to 11:00' } },
      to1: { method: 'im.message.add', params: { DIALOG_ID: '2', MESSAGE: 'Standup moved to 11:00' } },
      to2: { method: 'im.message.add', params: { DIALOG_ID: 'chat16', MESSAGE: 'Standup moved to 11:00' } },
    });
    const { broadcast, draft } = store.getState();
    expect(broadcast.status === 'ready' && broadcast.data).toEqual([
      { dialogId: 'chat12', ok: true, messageId: 500 },
      { dialogId: '2', ok: true, messageId: 501 },
      { dialogId: 'chat16', ok: false, error: { code: 'ACCESS_ERROR', description: 'No access' } },
    ]);
    expect(draft).toBe('  Standup moved to 11:00  ');
    expect(frame.calls.filter((c) => c.command === 'rest:im.recent.list')).toHaveLength(2);
  });

  it('clears the draft when every chat got the message', async () => {
    const store = createDashboardStore(dashboardFrame({ 'im.message.add': () => 1 }));
    store.getState().toggle('chat12');
    store.getState().setDraft('Hi');
    await store.getState().send();
    expect(store.getState().draft).toBe('');
  });

  it('refreshes the list after a broadcast without blanking it, and keeps it if the refresh fails', async () => {
    let listCalls = 0;
    const frame = dashboardFrame({
      'im.recent.list': () => {
        listCalls += 1;
        return listCalls === 1 ? recentList : denied('im.recent.list');
      },
      'im.message.add': () => 1,
    });
    const store = createDashboardStore(frame);
    await store.getState().load();
    const seen: string[] = [];
    store.subscribe((state) => seen.push(state.chats.status));
    store.getState().toggle('chat12');
    store.getState().setDraft('Hi');
    await store.getState().send();
    expect(listCalls).toBe(2);
    expect(seen).not.toContain('loading');
    expect(store.getState().chats.status).toBe('ready');
  });

  it('refuses to send without chats or without text, without calling REST', async () => {
    const frame = dashboardFrame();
    const store = createDashboardStore(frame);
    store.getState().setDraft('Hi');
    await store.getState().send();
    expect(store.getState().broadcast).toMatchObject({ status: 'error', error: { code: 'NO_RECIPIENTS' } });
    store.getState().toggle('chat12');
    store.getState().setDraft('   ');
    await store.getState().send();
    expect(store.getState().broadcast).toMatchObject({ status: 'error', error: { code: 'MESSAGE_EMPTY' } });
    expect(frame.calls.some((c) => c.command === 'batch')).toBe(false);
  });

  it('toggles selection and caps it at 50 chats', () => {
    const store = createDashboardStore(dashboardFrame());
    for (let i = 1; i <= 51; i++) store.getState().toggle(String(i));
    expect(store.getState().selected).toHaveLength(50);
    expect(store.getState().broadcast).toMatchObject({ error: { code: 'TOO_MANY_CHATS' } });
    store.getState().toggle('1');
    expect(store.getState().selected).not.toContain('1');
  });

  it('reports a whole-batch failure', async () => {
    const frame = dashboardFrame();
    frame.rest.batch = () => Promise.reject(Object.assign(new Error('x'), { code: 'QUERY_LIMIT_EXCEEDED' }));
    const store = createDashboardStore(frame);
    store.getState().toggle('chat12');
    store.getState().setDraft('Hi');
    await store.getState().send();
    expect(store.getState().broadcast).toMatchObject({
      status: 'error',
      error: { code: 'QUERY_LIMIT_EXCEEDED' },
    });
    expect(store.getState().draft).toBe('Hi');
  });

  it('opens a chat in the messenger', async () => {
    const frame = dashboardFrame();
    await createDashboardStore(frame).getState().open('chat12');
    expect(frame.calls).toContainEqual({ command: 'openMessenger', args: ['chat12'] });
  });
});
