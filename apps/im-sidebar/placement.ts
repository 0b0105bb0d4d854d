/**
 * The one declaration of this app's placement: the installer binds it, the emulator shows it.
 * IM_SIDEBAR opens in the chat sidebar's "applications" panel for every kind of chat (`context: 'ALL'`);
 * the open-line session panel appears only when the chat turns out to be an open-line chat.
 */
import { definePlacement } from '@imkit/frame/placements';

export default definePlacement({
  placement: 'IM_SIDEBAR',
  handler: 'im-sidebar/',
  title: { en: 'Chat insights', ru: 'Аналитика чата' },
  description: {
    en: 'Participants, messages per author and shared links; open-line session tools',
    ru: 'Участники, сообщения по авторам и ссылки; управление сессией открытой линии',
  },
  options: {
    iconName: 'fa-bar-chart',
    color: 'AZURE',
    context: 'ALL',
    extranet: 'N',
    role: 'USER',
  },
});
