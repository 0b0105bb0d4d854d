import { describe, expect, it } from 'vitest';
import { parseDialogId } from '../src/dialog-id.js';

describe('parseDialogId', () => {
  it('reads group chats and private dialogs', () => {
    expect(parseDialogId('chat12')).toEqual({ kind: 'chat', chatId: 12 });
    expect(parseDialogId('5')).toEqual({ kind: 'user', userId: 5 });
  });
  it('refuses anything else', () => {
    for (const bad of ['', 'chat', 'chat0', '0', '-1', 'chat12x', 'sg5', '1e3', 12, null, undefined]) {
      expect(parseDialogId(bad)).toBeNull();
    }
  });
});
