/** Declarations used across the installer tests. */
import { definePlacement } from '@imkit/frame/placements';

export const handlerBase = 'https://apps.example.com/';

export const sidebar = definePlacement({
  placement: 'IM_SIDEBAR',
  handler: 'im-sidebar/',
  title: { en: 'Chat insights', ru: 'Аналитика чата' },
  description: { en: 'Participants and links' },
  options: { iconName: 'fa-bar-chart', color: 'AZURE' },
});

export const textarea = definePlacement({
  placement: 'IM_TEXTAREA',
  handler: 'im-textarea/',
  title: { en: 'Snippets' },
  options: { iconName: 'fa-pencil', width: 300, height: 200 },
});

export const contextMenu = definePlacement({
  placement: 'IM_CONTEXT_MENU',
  handler: 'im-context-menu/',
  title: { en: 'Create task' },
  options: { context: 'USER;CHAT' },
});

export const all = [
  { app: 'im-sidebar', declaration: sidebar },
  { app: 'im-textarea', declaration: textarea },
  { app: 'im-context-menu', declaration: contextMenu },
];
