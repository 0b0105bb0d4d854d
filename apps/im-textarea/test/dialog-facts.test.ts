import { describe, expect, it } from 'vitest';
import { formatToday, loadDialogFacts } from '../src/dialog-facts.js';
import { denied, textareaFrame, today } from './fixtures.js';

describe('loadDialogFacts', () => {
  it('reads a group chat in one batch: recipient and chat are the chat title', async () => {
    const frame = textareaFrame();
    const facts = await loadDialogFacts(frame.rest, 'chat12', 'en', today());
    expect(facts).toEqual({
      vars: { recipient: 'Product launch', chat: 'Product launch', date: 'November 22, 2026', me: 'Anna' },
      problems: [],
    });
    expect(frame.calls.map((c) => c.command)).toEqual(['batch']);
    expect(Object.keys(frame.calls[0]?.args[0] as object)).toEqual(['dialog', 'me']);
  });

  it('reads the other user in a private dialog', async () => {
    const frame = textareaFrame({ dialogId: '2' });
    const facts = await loadDialogFacts(frame.rest, '2', 'ru', today());
    expect(facts.vars).toMatchObject({ recipient: 'Boris', chat: 'Boris Berg', me: 'Anna' });
    expect(facts.vars.date).toContain('2026');
    expect(frame.calls[0]?.args[0]).toMatchObject({ user: { method: 'im.user.get', params: { ID: 2 } } });
  });

  it('fills what it can and reports the commands that failed', async () => {
    const frame = textareaFrame({ rest: { 'im.dialog.get': () => denied('im.dialog.get') } });
    const facts = await loadDialogFacts(frame.rest, 'chat12', 'en', today());
    expect(facts.vars).toMatchObject({ recipient: '', chat: '', me: 'Anna' });
    expect(facts.problems).toEqual([{ code: 'ACCESS_ERROR', description: 'No access' }]);
  });

  it('refuses an unreadable dialogId without calling REST', async () => {
    const frame = textareaFrame();
    await expect(loadDialogFacts(frame.rest, 'chat', 'en', today())).rejects.toMatchObject({
      code: 'DIALOG_ID_EMPTY',
    });
    expect(frame.calls).toEqual([]);
  });
});

describe('formatToday', () => {
  it('writes the date for the language and survives a bad language tag', () => {
    expect(formatToday('en', today())).toBe('November 22, 2026');
    expect(formatToday('ru', today())).toMatch(/22 ноября 2026/);
    expect(formatToday('!!', today())).toBe('November 22, 2026');
  });
});
