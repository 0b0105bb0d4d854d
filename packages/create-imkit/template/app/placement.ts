/** This app's placement, declared once: `imkit dev` shows it, `imkit placements apply` binds it. */
import { definePlacement } from '@imkit/frame/placements';

export default definePlacement({
  placement: 'IM_SIDEBAR',
  handler: 'im-sidebar/', // relative to the handler base URL: the app's folder name plus '/'
  title: { en: 'My IM_SIDEBAR app' },
  options: { iconName: 'fa-bar-chart', color: 'AZURE', context: 'ALL' },
});
