/** im.recent.list answers shaped like the host's (bot-platform docs, "im.recent.list"). */
import { createFakeFrame, type RestHandler } from '@imkit/app-kit/testing';
import { RestError } from '@imkit/frame';

export const recentList = {
  items: [
    {
      id: 'chat12',
      type: 'chat',
      title: 'Product launch',
      avatar: { url: '', color: '#4ba984' },
      message: { id: 104, text: 'I can help with the banners', date: '2026-11-01T08:12:00+00:00' },
      counter: 2,
      chat: { id: 12, name: 'Product launch', type: 'chat' },
    },
    {
      id: '2',
      type: 'user',
      title: 'Boris Berg',
      avatar: { url: '', color: '#728f7a' },
      message: { id: 112, text: 'Thanks!', date: '2026-11-02T09:02:00+00:00' },
      counter: 0,
      user: { id: 2, name: 'Boris Berg' },
    },
    {
      id: 'chat16',
      type: 'chat',
      title: 'Deal #7: Office furniture',
      message: { id: 150, text: 'Invoice attached', date: '2026-11-15T12:00:00+00:00' },
      counter: 0,
      chat: { id: 16, type: 'crm' },
    },
  ],
};

export function denied(method: string): never {
  throw new RestError({ code: 'ACCESS_ERROR', description: 'No access', status: 403, method });
}

export function dashboardFrame(rest: Record<string, RestHandler> = {}, lang = 'en') {
  return createFakeFrame({
    placement: 'IM_NAVIGATION',
    options: {},
    lang,
    rest: { 'im.recent.list': () => recentList, ...rest },
  });
}
