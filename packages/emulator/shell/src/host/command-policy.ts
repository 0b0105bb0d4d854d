/**
 * How the host treats each frame command in each placement (HOST-PROTOCOL.md §4): answered from portal
 * state, handled by the shell's UI, refused (silence), or unknown (silence). Silence is always what the
 * real host does for the last two; the inspector shows a warning for them. Everything here is read from
 * the frame command table (`frameCommands` in @imkit/frame/protocol).
 */

import { isPlacementCode, placementCatalog } from '@imkit/frame/placements';
import { frameCommands, frameCommandsAnsweredBy, isFrameCommand } from '@imkit/frame/protocol';

/** Commands answered from portal state through `POST /emulator/api/frame`. */
export const portalCommands = frameCommandsAnsweredBy('host');

/** Commands the shell itself handles: those its UI answers and those the host acts on without a reply. */
export const shellCommands = [...frameCommandsAnsweredBy('shell'), ...frameCommandsAnsweredBy('none')];

/** A command of the table the shell handles itself. */
export type ShellCommandName = (typeof shellCommands)[number];

export type CommandRoute =
  | { readonly route: 'portal' }
  | { readonly route: 'shell'; readonly method: ShellCommandName }
  | { readonly route: 'refused'; readonly reason: string }
  | { readonly route: 'unknown'; readonly reason: string };

export function routeCommand(method: string, placement: string): CommandRoute {
  if (!isFrameCommand(method)) {
    return { route: 'unknown', reason: `unknown command ${method}: the real host ignores it (no reply)` };
  }
  const spec = frameCommands[method];
  if (spec.answeredBy === 'host') return { route: 'portal' };
  if (isPlacementCode(placement)) {
    if (spec.refusedIn === 'im') {
      return {
        route: 'refused',
        reason: `${method} is refused in IM placements: the real host never replies`,
      };
    }
    if (spec.refusedIn === 'slider' && placementCatalog[placement].opensIn === 'slider') {
      return {
        route: 'refused',
        reason: `${method} is refused in ${placement} (it opens in a slider): the real host never replies`,
      };
    }
  }
  return { route: 'shell', method: method as ShellCommandName };
}
