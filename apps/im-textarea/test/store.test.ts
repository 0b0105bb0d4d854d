import { describe, expect, it } from 'vitest';
import { ownTemplatesOption } from '../src/own-templates.js';
import { createQuickRepliesStore } from '../src/store.js';
import { textareaFrame, today } from './fixtures.js';

const hello = { id: 'hello', title: 'Greeting', text: 'Hello, {recipient}! {date}' };

describe('quick replies store', () => {
  it('inserts a filled template at the caret, or replaces the input', async () => {
    const frame = textareaFrame({ dialogId: '2', textarea: 'Draft: ' });
    const store = createQuickRepliesStore(frame, today);
    await store.getState().load();
    await store.getState().insert(hello, 'insert');
    expect(frame.textareaContent).toBe('Draft: Hello, Boris! November 22, 2026');
    expect(frame.calls).toContainEqual({
      command: 'textarea.insert',
      args: ['Hello, Boris! November 22, 2026', { replace: false }],
    });
    await store.getState().insert(hello, 'replace');
    expect(frame.textareaContent).toBe('Hello, Boris! November 22, 2026');
    expect(store.getState().inserting).toEqual({ status: 'ready', data: 'Greeting' });
  });

  it('reports a refused insert with its code', async () => {
    const frame = textareaFrame();
    frame.textarea.insert = () =>
      Promise.reject(Object.assign(new Error('the text field is unavailable'), { code: 'HOST_ERROR' }));
    const store = createQuickRepliesStore(frame, today);
    await store.getState().insert(hello, 'insert');
    expect(store.getState().inserting).toEqual({
      status: 'error',
      error: { code: 'HOST_ERROR', description: 'the text field is unavailable' },
    });
  });

  it('reads the current input and turns it into a draft', async () => {
    const frame = textareaFrame({ textarea: 'See you at {date}' });
    const store = createQuickRepliesStore(frame, today);
    await store.getState().readInput();
    expect(store.getState().input).toEqual({ status: 'ready', data: 'See you at {date}' });
    store.getState().draftFromInput();
    expect(store.getState().draftText).toBe('See you at {date}');
  });

  it('saves own templates in the user option, and a new store (a reload) reads them back', async () => {
    const frame = textareaFrame();
    const store = createQuickRepliesStore(frame, today);
    store.getState().setDraft({ title: ' Standup ', text: 'Standup in {chat} now' });
    await store.getState().saveDraft();
    expect(store.getState().own).toMatchObject([{ title: 'Standup', text: 'Standup in {chat} now' }]);
    expect(store.getState()).toMatchObject({ draftTitle: '', draftText: '', saving: { status: 'ready' } });
    const saved = frame.calls.find((c) => c.command === 'userOptions.set');
    expect(saved?.args[0]).toBe(ownTemplatesOption);

    const reloaded = createQuickRepliesStore(frame, today);
    expect(reloaded.getState().own).toEqual(store.getState().own);
    const id = reloaded.getState().own[0]?.id ?? '';
    await reloaded.getState().remove(id);
    expect(createQuickRepliesStore(frame, today).getState().own).toEqual([]);
  });

  it('refuses an invalid draft without calling the host, naming the field', async () => {
    const frame = textareaFrame();
    const store = createQuickRepliesStore(frame, today);
    store.getState().setDraft({ title: '', text: 'x' });
    await store.getState().saveDraft();
    expect(store.getState().saving).toEqual({
      status: 'error',
      error: { code: 'TITLE_EMPTY', description: 'Give the template a title.' },
    });
    expect(frame.calls).toEqual([]);
  });

  it('puts the list back when the host refuses to save', async () => {
    const frame = textareaFrame();
    frame.userOptions.set = () =>
      Promise.reject(Object.assign(new Error('timeout'), { code: 'FRAME_TIMEOUT' }));
    const store = createQuickRepliesStore(frame, today);
    store.getState().setDraft({ title: 'A', text: 'B' });
    await store.getState().saveDraft();
    expect(store.getState().own).toEqual([]);
    expect(store.getState().draftTitle).toBe('A');
    expect(store.getState().saving).toMatchObject({ status: 'error', error: { code: 'FRAME_TIMEOUT' } });
  });
});
