/**
 * The one declaration of this app's placement: the installer binds it, the emulator shows it.
 * IM_CONTEXT_MENU adds "Create using → Follow-up" to every message's context menu; the host opens the app
 * in a side slider, where it cannot resize (catalogue `canResize: false`) and has no icon or colour.
 */
import { definePlacement } from '@imkit/frame/placements';

export default definePlacement({
  placement: 'IM_CONTEXT_MENU',
  handler: 'im-context-menu/',
  title: { en: 'Follow-up', ru: 'Продолжить обсуждение' },
  description: {
    en: 'Post a follow-up that quotes this message and links back to it',
    ru: 'Отправить сообщение с цитатой этого сообщения и ссылкой на него',
  },
  options: {
    context: 'ALL',
    extranet: 'N',
    role: 'USER',
  },
});
