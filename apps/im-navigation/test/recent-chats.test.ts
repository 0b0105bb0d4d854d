import { parseRecentChats } from '@imkit/app-kit';
import { describe, expect, it } from 'vitest';
import { filterChats } from '../src/recent-chats.js';
import { recentList } from './fixtures.js';

describe('filterChats', () => {
  const chats = parseRecentChats(recentList);
  it('matches title or last message, ignoring case and outer spaces', () => {
    expect(filterChats(chats, '  PRODUCT ').map((c) => c.dialogId)).toEqual(['chat12']);
    expect(filterChats(chats, 'thanks').map((c) => c.dialogId)).toEqual(['2']);
    expect(filterChats(chats, '')).toHaveLength(3);
    expect(filterChats(chats, 'nothing like this')).toEqual([]);
  });
});
