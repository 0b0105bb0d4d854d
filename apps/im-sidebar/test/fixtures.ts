/** REST answers shaped like the documented examples (bot-platform-docs.txt), for the sidebar's tests. */
export const groupChat = {
  id: '12',
  title: 'Release team',
  type: 'chat',
  entity_type: '',
  entity_data_1: '',
  user_counter: 4,
};

export const openLineChat = {
  id: 71,
  title: 'Violet guest - Open line 2',
  type: 'lines',
  entity_type: 'LINES',
  entity_id: 'livechat|2|70|2016',
  entity_data_1: 'Y|DEAL|12|N|N|7|1635351612|0|0|0',
};

export const openLineDialog = {
  id: 71,
  name: 'Violet guest - Open line 2',
  type: 'lines',
  entity_type: 'LINES',
  entity_id: 'livechat|2|70|2016',
  entity_data_1: 'Y|DEAL|12|N|N|7|1635351612|0|0|0',
  manager_list: [1, '3'],
};

export const messagePage = {
  messages: [
    {
      id: 105,
      chat_id: 12,
      author_id: 2,
      date: '2026-11-20T10:05:00+00:00',
      text: 'see https://example.com/a.',
    },
    {
      id: 104,
      chat_id: 12,
      author_id: 1,
      date: '2026-11-20T10:04:00+00:00',
      text: 'http://squirrel.com',
      params: {
        ATTACH: [{ ID: '5', BLOCKS: [{ RICH_LINK: [{ NAME: 'Squirrel', LINK: 'http://squirrel.com' }] }] }],
      },
    },
    {
      id: 103,
      chat_id: 12,
      author_id: 0,
      date: '2026-11-20T10:03:00+00:00',
      text: 'Topic changed',
      params: null,
    },
    { id: 102, chat_id: 12, author_id: 1, date: '2026-11-20T10:02:00+00:00', text: 'javascript:alert(1) hi' },
    { id: 101, chat_id: 12, author_id: 1, date: '2026-11-20T10:01:00+00:00', text: 'https://example.com/a' },
  ],
  users: {
    1: { id: 1, name: 'John Harrington', bot: false },
    2: { id: 2, name: 'Chris Curtis', bot: false },
    3: { id: 3, first_name: 'Echo', last_name: 'Bot', bot: true },
  },
  chat_id: 12,
};
