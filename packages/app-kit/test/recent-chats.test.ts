import { describe, expect, it } from 'vitest';
import { loadRecentChats, parseRecentChats } from '../src/recent-chats.js';
import { createFakeFrame } from '../src/testing/fake-frame.js';

const recentList = {
  items: [
    {
      id: 'chat12',
      chat_id: 12,
      type: 'chat',
      title: 'Product launch',
      avatar: { url: '', color: '#4ba984' },
      message: { id: 104, text: 'I can help with the banners', date: '2026-11-01T08:12:00+00:00' },
      counter: 2,
      chat: { id: 12, name: 'Product launch', type: 'chat', entity_type: '' },
    },
    {
      id: 'chat14',
      type: 'chat',
      title: 'Grace Guest - Website chat',
      chat: {
        id: 14,
        type: 'lines',
        entity_type: 'LINES',
        entity_data_1: 'Y|LEAD|21|N|N|501|1763715600|0|0|0',
      },
    },
    {
      id: '2',
      chat_id: 7,
      type: 'user',
      message: { id: 112, text: 'Thanks!', date: '2026-11-02T09:02:00+00:00' },
      user: { id: 2, name: 'Boris Berg', color: '#728f7a' },
    },
    { id: 'chat16', date_update: '2026-11-15T12:00:00+00:00', chat: { id: 16, type: 'crm' } },
    { id: 'javascript:alert(1)', title: 'broken' },
    null,
  ],
  hasMore: false,
};

describe('parseRecentChats', () => {
  it('reads ids, titles, kinds, counters, last messages, colours and CRM bindings', () => {
    const chats = parseRecentChats(recentList);
    expect(chats.map((c) => [c.dialogId, c.chatId, c.title, c.kind, c.unread, c.color])).toEqual([
      ['chat12', 12, 'Product launch', 'CHAT', 2, '#4ba984'],
      ['chat14', 14, 'Grace Guest - Website chat', 'LINES', 0, ''],
      ['2', 7, 'Boris Berg', 'USER', 0, '#728f7a'],
      ['chat16', 16, 'chat16', 'CRM', 0, ''],
    ]);
    expect(chats.map((c) => [c.lastMessage, c.lastDate])).toEqual([
      ['I can help with the banners', '2026-11-01T08:12:00+00:00'],
      ['', ''],
      ['Thanks!', '2026-11-02T09:02:00+00:00'],
      ['', '2026-11-15T12:00:00+00:00'],
    ]);
    expect(chats.map((c) => c.crm)).toEqual([null, { entityType: 'lead', entityId: 21 }, null, null]);
  });

  it('accepts the plain array older portals answer and skips unreadable items', () => {
    const chats = parseRecentChats([
      null,
      7,
      { id: 'evil"><img>' },
      { id: 'chat0' },
      { id: 5, counter: 'x' },
      { id: 'chat3', counter: -4 },
    ]);
    expect(chats.map((c) => [c.dialogId, c.title, c.kind, c.unread])).toEqual([
      ['5', '5', 'USER', 0],
      ['chat3', 'chat3', 'CHAT', 0],
    ]);
  });

  it('gives an empty list for answers without items', () => {
    expect(parseRecentChats(undefined)).toEqual([]);
    expect(parseRecentChats('nope')).toEqual([]);
    expect(parseRecentChats({ items: 'no' })).toEqual([]);
  });
});

describe('loadRecentChats', () => {
  it('calls im.recent.list once and reads the answer', async () => {
    const frame = createFakeFrame({
      placement: 'IM_NAVIGATION',
      options: {},
      rest: { 'im.recent.list': () => recentList },
    });
    const chats = await loadRecentChats(frame.rest);
    expect(chats.map((c) => c.dialogId)).toEqual(['chat12', 'chat14', '2', 'chat16']);
    expect(frame.calls).toEqual([{ command: 'rest:im.recent.list', args: [{}] }]);
  });
});
