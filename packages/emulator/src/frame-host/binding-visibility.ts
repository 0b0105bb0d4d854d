/**
 * Which bindings the current user sees, filtered on the server with the frame package's
 * `isPlacementVisible`: `visibleBindings` for the user at all (role, extranet; nothing until the install
 * is finished), `bindingIdsForChat` for one chat (context against the chat type). The shell shows what
 * these say and computes nothing itself; `legacyAppIdsForChat` does the same for legacy chat apps.
 */
import { isPlacementVisible, placementCatalog } from '@imkit/frame/placements';
import { chatTypeOf } from '../portal/state/portal-queries.js';
import type {
  LegacyChatApp,
  PortalBinding,
  PortalChat,
  PortalState,
  PortalUser,
} from '../portal/state/portal-state.js';

function viewerOf(user: PortalUser) {
  return { isAdmin: user.isAdmin, isExtranet: user.isExtranet };
}

export function visibleBindings(state: PortalState, user: PortalUser): PortalBinding[] {
  if (!state.portal.installed) return [];
  return state.bindings.filter((b) => isPlacementVisible(b.options, viewerOf(user), null));
}

/** Bindings of chat placements (all but IM_NAVIGATION) the user sees in this chat. */
export function bindingIdsForChat(state: PortalState, user: PortalUser, chat: PortalChat): number[] {
  const chatType = chatTypeOf(state, chat, user.id);
  return (
    visibleBindings(state, user)
      .filter((b) => placementCatalog[b.placement].contextFields.length > 0)
      // chatTypeOf is null for a private dialog with a bot, which only `context=ALL` matches.
      .filter((b) => isPlacementVisible(b.options, viewerOf(user), chatType ?? 'BOT'))
      .map((b) => b.id)
  );
}

export function isBindingVisibleInChat(
  state: PortalState,
  user: PortalUser,
  binding: PortalBinding,
  chat: PortalChat | null,
): boolean {
  if (chat === null) return visibleBindings(state, user).includes(binding);
  return bindingIdsForChat(state, user, chat).includes(binding.id);
}

/**
 * Legacy chat apps shown in a chat's input panel: not hidden, for extranet users only those that support
 * it, and only in chats their CONTEXT names (`ALL`, or chat types; a private dialog with a bot is `BOT`).
 */
export function legacyAppIdsForChat(state: PortalState, user: PortalUser, chat: PortalChat): number[] {
  const chatType = chatTypeOf(state, chat, user.id) ?? 'BOT';
  const shown = (app: LegacyChatApp) => {
    if (app.hidden || (user.isExtranet && !app.extranetSupport)) return false;
    const contexts = app.context
      .toUpperCase()
      .split(/[;,]/)
      .map((c) => c.trim());
    return contexts.includes('ALL') || contexts.includes(chatType);
  };
  return state.legacyApps.filter(shown).map((app) => app.id);
}
