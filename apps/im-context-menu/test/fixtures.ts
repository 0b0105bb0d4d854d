/** REST answers shaped like the emulator's and the documented examples, for the follow-up app's tests. */
export const chosenPage = {
  messages: [
    {
      id: 345,
      chat_id: 12,
      author_id: 2,
      date: '2026-11-20T10:05:00+00:00',
      text: 'Can someone check the pricing page before Friday?',
      params: null,
    },
  ],
  users: { 2: { id: 2, name: 'Boris Berg' } },
  files: {},
  chat_id: 12,
};

export const recentList = {
  items: [
    {
      id: 'chat12',
      chat_id: 12,
      type: 'chat',
      title: 'Product launch',
      chat: { id: 12, type: 'chat', entity_type: '' },
    },
    {
      id: 'chat14',
      chat_id: 14,
      type: 'chat',
      title: 'Grace Guest - Website chat',
      chat: {
        id: 14,
        type: 'lines',
        entity_type: 'LINES',
        entity_data_1: 'Y|LEAD|21|N|N|501|1763715600|0|0|0',
      },
    },
    { id: '5', chat_id: 2, type: 'user', title: 'Eve Extern', user: { id: 5 } },
    { id: 'javascript:alert(1)', title: 'broken' },
    null,
  ],
  hasMore: false,
};

export const currentUser = { ID: '1', NAME: 'Anna', LAST_NAME: 'Admin' };
