/** Which bound placements the host shows to a user in a chat (HOST-PROTOCOL.md §1, "Visibility"). */
import type { ChatType } from './catalog.js';
import type { NormalizedOptions } from './validate.js';

export interface Viewer {
  readonly isAdmin: boolean;
  readonly isExtranet: boolean;
}

/**
 * Where a placement would be shown: a chat of a known type, `BOT` for a private dialog with a bot (which
 * only `context=ALL` matches), or null where there is no chat (the navigation menu).
 */
export type ChatScope = ChatType | 'BOT' | null;

/**
 * `role=ADMIN` only for admins, extranet users only `extranet=Y`, and `context` against the open chat's
 * type.
 */
export function isPlacementVisible(options: NormalizedOptions, viewer: Viewer, chat: ChatScope): boolean {
  if (options.role === 'ADMIN' && !viewer.isAdmin) return false;
  if (viewer.isExtranet && options.extranet !== 'Y') return false;
  if (chat === null) return true;
  const contexts = (options.context ?? 'ALL').trim().split(';');
  return contexts.includes('ALL') || (chat !== 'BOT' && contexts.includes(chat));
}
