import { describe, expect, it } from 'vitest';
import { parseMessagePage } from '../src/dialog-messages.js';

describe('parseMessagePage', () => {
  it('reads messages with their params and the users, skipping unreadable entries', () => {
    const attach = [{ BLOCKS: [{ LINK: { LINK: 'https://example.com/' } }] }];
    const page = parseMessagePage({
      messages: [
        { id: 12, author_id: '2', date: '2026-11-20T10:05:00+00:00', text: 'Hi', params: { ATTACH: attach } },
        { id: '11', author_id: 0, date: '2026-11-20T10:00:00+00:00', text: 'Chat created' },
        null,
        { id: 'x' },
      ],
      users: {
        2: { id: 2, name: 'Boris Berg', avatar: '/b.png' },
        3: { id: '3', first_name: 'Echo', last_name: 'Bot', bot: true },
        4: { id: 4 },
        x: { name: 'no id' },
      },
    });
    expect(page.messages).toEqual([
      { id: 12, authorId: 2, date: '2026-11-20T10:05:00+00:00', text: 'Hi', params: { ATTACH: attach } },
      { id: 11, authorId: 0, date: '2026-11-20T10:00:00+00:00', text: 'Chat created', params: undefined },
    ]);
    expect([...page.users.values()]).toEqual([
      { id: 2, name: 'Boris Berg', bot: false, avatar: '/b.png' },
      { id: 3, name: 'Echo Bot', bot: true, avatar: '' },
      { id: 4, name: '#4', bot: false, avatar: '' },
    ]);
  });

  it('accepts users as an array and gives an empty page for an answer that is not an object', () => {
    expect(parseMessagePage({ messages: [], users: [{ id: 5, name: 'Eve' }] }).users.get(5)?.name).toBe(
      'Eve',
    );
    expect(parseMessagePage('oops').messages).toEqual([]);
    expect(parseMessagePage(null).users.size).toBe(0);
  });
});
