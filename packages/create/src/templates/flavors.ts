/** The flavor of each placement: the part of a generated app that uses that placement's context. */
import type { PlacementCode } from '@imkit/frame/placements';
import { contextMenuFlavor } from './context-menu.js';
import type { Flavor } from './flavor.js';
import { navigationFlavor } from './navigation.js';
import { sidebarFlavor } from './sidebar.js';
import { smilesSelectorFlavor } from './smiles-selector.js';
import { textareaFlavor } from './textarea.js';

export const flavors: Readonly<Record<PlacementCode, Flavor>> = {
  IM_NAVIGATION: navigationFlavor,
  IM_TEXTAREA: textareaFlavor,
  IM_SIDEBAR: sidebarFlavor,
  IM_CONTEXT_MENU: contextMenuFlavor,
  IM_SMILES_SELECTOR: smilesSelectorFlavor,
};
