/**
 * The one place this app's placement is declared; the installer and the emulator read it.
 * IM_TEXTAREA: a button on the panel above the message input that opens the app in a popup; the frame
 * gets the open chat's `dialogId`.
 */
import { definePlacement } from '@imkit/frame/placements';

export default definePlacement({
  placement: 'IM_TEXTAREA',
  handler: 'im-textarea/',
  title: { en: 'Quick replies', ru: 'Быстрые ответы' },
  description: {
    en: 'Message templates with the recipient name, chat title and date filled in.',
    ru: 'Шаблоны сообщений с подставленными именем получателя, названием чата и датой.',
  },
  options: {
    iconName: 'fa-comment-o',
    context: 'ALL',
    role: 'USER',
    extranet: 'N',
    color: 'AZURE',
    width: 360,
    height: 420,
  },
});
