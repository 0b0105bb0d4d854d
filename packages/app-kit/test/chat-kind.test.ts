import { describe, expect, it } from 'vitest';
import { chatKind } from '../src/chat-kind.js';

describe('chatKind', () => {
  it('names open lines, CRM chats, private dialogs and group chats', () => {
    expect(chatKind({ type: 'lines' }, 'chat14')).toBe('LINES');
    expect(chatKind({ type: 'chat', entity_type: 'LINES' }, 'chat14')).toBe('LINES');
    expect(chatKind({ type: 'crm' }, 'chat16')).toBe('CRM');
    expect(chatKind({ entity_type: 'CRM' }, 'chat16')).toBe('CRM');
    expect(chatKind({ type: 'private' }, 'chat5')).toBe('USER');
    expect(chatKind(null, '5')).toBe('USER');
    expect(chatKind({ type: 'chat' }, 'chat12')).toBe('CHAT');
    expect(chatKind(null, 'chat12')).toBe('CHAT');
  });
});
