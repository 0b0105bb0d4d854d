import { describe, expect, it } from 'vitest';
import { filterChats, readRecentList } from '../src/recent-chats.js';
import { recentList } from './fixtures.js';

describe('readRecentList', () => {
  it('reads dialog id, title, type, unread counter and last message', () => {
    const chats = readRecentList(recentList);
    expect(chats.map((c) => [c.dialogId, c.title, c.kind, c.unread, c.lastMessage])).toEqual([
      ['chat12', 'Product launch', 'chat', 2, 'I can help with the banners'],
      ['2', 'Boris Berg', 'user', 0, 'Thanks!'],
      ['chat16', 'Deal #7: Office furniture', 'crm', 0, 'Invoice attached'],
    ]);
  });

  it('accepts the plain array older portals answer and skips unreadable rows', () => {
    const chats = readRecentList([
      null,
      7,
      { id: 'evil"><img>' },
      { id: 5, counter: 'x' },
      { id: 'chat3', counter: -4 },
    ]);
    expect(chats.map((c) => [c.dialogId, c.title, c.unread])).toEqual([
      ['5', '5', 0],
      ['chat3', 'chat3', 0],
    ]);
  });

  it('gives an empty list for answers without items', () => {
    expect(readRecentList(undefined)).toEqual([]);
    expect(readRecentList({ items: 'no' })).toEqual([]);
  });
});

describe('filterChats', () => {
  const chats = readRecentList(recentList);
  it('matches title or last message, ignoring case and outer spaces', () => {
    expect(filterChats(chats, '  PRODUCT ').map((c) => c.dialogId)).toEqual(['chat12']);
    expect(filterChats(chats, 'thanks').map((c) => c.dialogId)).toEqual(['2']);
    expect(filterChats(chats, '')).toHaveLength(3);
    expect(filterChats(chats, 'nothing like this')).toEqual([]);
  });
});
