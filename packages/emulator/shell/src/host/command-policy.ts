/**
 * How the host treats each frame command in each placement (HOST-PROTOCOL.md §4): answered from portal
 * state, handled by the shell's UI, refused (silence), or unknown (silence). Silence is always what the
 * real host does for the last two; the inspector shows a warning for them.
 */
import { isPlacementCode, placementCatalog } from '@imkit/frame/placements';

/** Commands answered from portal state through `POST /emulator/api/frame`. */
export const portalCommands = [
  'getInitData',
  'refreshAuth',
  'setUserOption',
  'setAppOption',
  'setInstall',
  'setInstallFinish',
] as const;

/** Commands the shell itself handles. */
export const shellCommands = [
  'resizeWindow',
  'imCallTo',
  'imPhoneTo',
  'imOpenMessenger',
  'imOpenHistory',
  'openApplication',
  'openPath',
  'closeApplication',
  'showAppForm',
  'getInterface',
  'placementBindEvent',
  'selectUser',
  'selectAccess',
  'selectCRM',
  'setTitle',
  'setScroll',
  'reloadWindow',
  'im:getImTextareaContent',
  'im:setImTextareaContent',
] as const;

/** Refused by every IM placement. */
const refusedInImPlacements = new Set(['setTitle', 'setScroll', 'reloadWindow']);

export type CommandRoute =
  | { readonly route: 'portal' }
  | { readonly route: 'shell' }
  | { readonly route: 'refused'; readonly reason: string }
  | { readonly route: 'unknown'; readonly reason: string };

export function routeCommand(method: string, placement: string): CommandRoute {
  if ((portalCommands as readonly string[]).includes(method)) return { route: 'portal' };
  if (!(shellCommands as readonly string[]).includes(method)) {
    return { route: 'unknown', reason: `unknown command ${method}: the real host ignores it (no reply)` };
  }
  if (isPlacementCode(placement)) {
    if (refusedInImPlacements.has(method)) {
      return {
        route: 'refused',
        reason: `${method} is refused in IM placements: the real host never replies`,
      };
    }
    if (method === 'resizeWindow' && !placementCatalog[placement].canResize) {
      return {
        route: 'refused',
        reason: `resizeWindow is refused in ${placement} (it opens in a slider): the real host never replies`,
      };
    }
  }
  return { route: 'shell' };
}
