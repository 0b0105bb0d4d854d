import { createFakeFrame } from '@imkit/app-kit/testing';
import { RestError, type RestParams } from '@imkit/frame';
import { describe, expect, it } from 'vitest';
import { createFollowUpStore } from '../src/store.js';
import { chosenPage, currentUser, recentList } from './fixtures.js';

type Handlers = Record<string, (params: RestParams) => unknown>;

function followUp(extra: Handlers = {}, messageId = '345') {
  const frame = createFakeFrame({
    placement: 'IM_CONTEXT_MENU',
    options: { dialogId: 'chat12', messageId },
    rest: {
      'im.dialog.messages.get': () => chosenPage,
      'im.recent.list': () => recentList,
      'user.current': () => currentUser,
      ...extra,
    },
  });
  return { frame, store: createFollowUpStore(frame) };
}

const hostError = (code: string, status = 400) =>
  new RestError({ code, description: code, status, method: 'm' });

describe('follow-up store', () => {
  it('loads the message, the chats and the user, and targets the source chat', async () => {
    const { store } = followUp();
    await store.getState().load();
    const state = store.getState();
    expect(state.message).toMatchObject({ status: 'ready', data: { id: 345, authorName: 'Boris Berg' } });
    expect(state.chats.status === 'ready' && state.chats.data.length).toBe(3);
    expect(state.userId).toBe(1);
    expect(state.targetDialogId).toBe('chat12');
  });

  it('posts with im.message.add and closes the slider, never resizing it', async () => {
    const posted: RestParams[] = [];
    const { store, frame } = followUp({
      'im.message.add': (p) => {
        posted.push(p);
        return 777;
      },
    });
    await store.getState().load();
    store.getState().chooseTarget('5');
    store.getState().setNote('Check before Friday');
    await store.getState().post();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ DIALOG_ID: '5', MESSAGE: 'Check before Friday', URL_PREVIEW: 'N' });
    expect(store.getState().send).toEqual({ status: 'sent', messageId: 777 });
    const commands = frame.calls.map((c) => c.command);
    expect(commands.at(-1)).toBe('closeApplication');
    expect(commands).not.toContain('resize');
    expect(commands).not.toContain('autoResize');
  });

  it('posts into a CRM-bound open line with imopenlines.crm.message.add', async () => {
    const posted: RestParams[] = [];
    const { store } = followUp({
      'imopenlines.crm.message.add': (p) => {
        posted.push(p);
        return 900;
      },
    });
    await store.getState().load();
    store.getState().chooseTarget('chat14');
    store.getState().setViaCrm(true);
    await store.getState().post();
    expect(posted[0]).toMatchObject({ CRM_ENTITY_TYPE: 'lead', CRM_ENTITY: 21, USER_ID: 1, CHAT_ID: 14 });
    expect(store.getState().send.status).toBe('sent');
  });

  it('refuses CRM posting for a chat without a CRM binding before calling the host', async () => {
    const { store, frame } = followUp();
    await store.getState().load();
    store.getState().setViaCrm(true);
    const before = frame.calls.length;
    await store.getState().post();
    expect(frame.calls.length).toBe(before);
    expect(store.getState().send).toEqual({
      status: 'invalid',
      problem: { field: 'viaCrm', code: 'NOT_AVAILABLE' },
    });
  });

  it('refuses a too long note before calling the host', async () => {
    const { store, frame } = followUp();
    await store.getState().load();
    store.getState().setNote('n'.repeat(1001));
    const before = frame.calls.length;
    await store.getState().post();
    expect(frame.calls.length).toBe(before);
    expect(store.getState().send).toMatchObject({
      status: 'invalid',
      problem: { field: 'note', code: 'TOO_LONG' },
    });
  });

  it('keeps the host error code and does not close on failure', async () => {
    const { store, frame } = followUp({
      'im.message.add': () => {
        throw hostError('ATTACH_OVERSIZE');
      },
    });
    await store.getState().load();
    await store.getState().post();
    expect(store.getState().send).toMatchObject({ status: 'failed', error: { code: 'ATTACH_OVERSIZE' } });
    expect(frame.calls.map((c) => c.command)).not.toContain('closeApplication');
  });

  it('shows each load failure with its own code and leaves nothing to post to', async () => {
    const { store } = followUp({
      'im.dialog.messages.get': () => {
        throw hostError('ACCESS_ERROR', 403);
      },
      'im.recent.list': () => {
        throw hostError('QUERY_LIMIT_EXCEEDED', 503);
      },
    });
    await store.getState().load();
    expect(store.getState().message).toMatchObject({ status: 'error', error: { code: 'ACCESS_ERROR' } });
    expect(store.getState().chats).toMatchObject({
      status: 'error',
      error: { code: 'QUERY_LIMIT_EXCEEDED' },
    });
    await store.getState().post();
    expect(store.getState().send).toMatchObject({ status: 'invalid', problem: { field: 'message' } });
  });

  it('reports a bad messageId from the host as MESSAGE_ID_ERROR without a REST call for it', async () => {
    const { store, frame } = followUp({}, 'abc');
    await store.getState().load();
    expect(store.getState().message).toMatchObject({ status: 'error', error: { code: 'MESSAGE_ID_ERROR' } });
    expect(frame.calls.map((c) => c.command)).not.toContain('rest:im.dialog.messages.get');
  });

  it('posts only once when asked twice', async () => {
    let posts = 0;
    const { store } = followUp({
      'im.message.add': () => {
        posts += 1;
        return 1;
      },
    });
    await store.getState().load();
    await Promise.all([store.getState().post(), store.getState().post()]);
    await store.getState().post();
    expect(posts).toBe(1);
  });
});
