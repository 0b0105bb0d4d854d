import { definePlacement } from '@imkit/frame/placements';
import type { AppDeclaration } from '@imkit/installer';

export const handlerBase = 'https://apps.example.com/';

export const declarations: AppDeclaration[] = [
  {
    app: 'im-context-menu',
    declaration: definePlacement({
      placement: 'IM_CONTEXT_MENU',
      handler: 'im-context-menu/',
      title: { en: 'Create task' },
      options: { context: 'USER;CHAT' },
    }),
  },
  {
    app: 'im-sidebar',
    declaration: definePlacement({
      placement: 'IM_SIDEBAR',
      handler: 'im-sidebar/',
      title: { en: 'Insights' },
      options: { iconName: 'fa-bar-chart' },
    }),
  },
];
