import { createFakeFrame } from '@imkit/app-kit/testing';
import type { RestParams } from '@imkit/frame';
import { describe, expect, it } from 'vitest';
import { loadChosenMessage } from '../src/chosen-message.js';
import { chosenPage } from './fixtures.js';

function restWith(handlers: Record<string, (params: RestParams) => unknown>) {
  return createFakeFrame({
    placement: 'IM_CONTEXT_MENU',
    options: { dialogId: 'chat12', messageId: '345' },
    rest: handlers,
  });
}

describe('loadChosenMessage', () => {
  it('asks for exactly the chosen message and reads its author', async () => {
    const frame = restWith({ 'im.dialog.messages.get': () => chosenPage });
    const message = await loadChosenMessage(frame.rest, 'chat12', '345');
    expect(frame.calls[0]?.args[0]).toEqual({ DIALOG_ID: 'chat12', FIRST_ID: 344, LIMIT: 1 });
    expect(message).toEqual({
      id: 345,
      dialogId: 'chat12',
      authorId: 2,
      authorName: 'Boris Berg',
      date: '2026-11-20T10:05:00+00:00',
      text: 'Can someone check the pricing page before Friday?',
    });
  });

  it('fails with MESSAGE_ID_ERROR when the message is missing or the id is not a number', async () => {
    const frame = restWith({ 'im.dialog.messages.get': () => ({ messages: [{ id: 346, text: 'later' }] }) });
    await expect(loadChosenMessage(frame.rest, 'chat12', '345')).rejects.toMatchObject({
      code: 'MESSAGE_ID_ERROR',
    });
    await expect(loadChosenMessage(frame.rest, 'chat12', '34x')).rejects.toMatchObject({
      code: 'MESSAGE_ID_ERROR',
    });
    expect(frame.calls).toHaveLength(1);
  });

  it('fails with DIALOG_ID_EMPTY for a launch without a usable dialogId, without calling the host', async () => {
    const frame = restWith({ 'im.dialog.messages.get': () => chosenPage });
    await expect(loadChosenMessage(frame.rest, '', '345')).rejects.toMatchObject({ code: 'DIALOG_ID_EMPTY' });
    await expect(loadChosenMessage(frame.rest, 'chat12&x=1', '345')).rejects.toMatchObject({
      code: 'DIALOG_ID_EMPTY',
    });
    expect(frame.calls).toHaveLength(0);
  });
});
