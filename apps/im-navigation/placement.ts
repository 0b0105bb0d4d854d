/**
 * The one place this app's placement is declared; the installer and the emulator read it.
 * IM_NAVIGATION: an entry in the messenger's left menu that opens the app in the content area, with no
 * chat context (the frame gets no dialogId).
 */
import { definePlacement } from '@imkit/frame/placements';

export default definePlacement({
  placement: 'IM_NAVIGATION',
  handler: 'im-navigation/',
  title: { en: 'Chat dashboard', ru: 'Панель чатов' },
  description: {
    en: 'Recent chats with unread counters, quick search and a broadcast to several chats at once.',
    ru: 'Недавние чаты со счётчиками, быстрый поиск и рассылка в несколько чатов сразу.',
  },
  options: { iconName: 'fa-th-list', role: 'USER', extranet: 'N' },
});
