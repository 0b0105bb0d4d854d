/** Which bound placements the host shows to a user in a chat (HOST-PROTOCOL.md §1, "Visibility"). */
import type { ChatType } from './catalog.js';
import type { NormalizedOptions } from './validate.js';

export interface Viewer {
  readonly isAdmin: boolean;
  readonly isExtranet: boolean;
}

/**
 * `role=ADMIN` only for admins, extranet users only `extranet=Y`, and `context` against the open chat's
 * type. `chatType` is null where there is no chat (the navigation menu).
 */
export function isPlacementVisible(
  options: NormalizedOptions,
  viewer: Viewer,
  chatType: ChatType | null,
): boolean {
  if (options.role === 'ADMIN' && !viewer.isAdmin) return false;
  if (viewer.isExtranet && options.extranet !== 'Y') return false;
  if (chatType === null || options.context === undefined) return true;
  const contexts = options.context.trim().split(';');
  return contexts.includes('ALL') || contexts.includes(chatType);
}
