/**
 * Which bound placements the shell shows: nothing until the app's install is finished, then
 * `isPlacementVisible` (role, extranet, context) from @imkit/frame/placements against the current user
 * and the open chat. A private dialog with a bot matches only `context=ALL` (USER means "not bots").
 */
import { type ChatType, isPlacementVisible, type PlacementCode } from '@imkit/frame/placements';
import type { LegacyChatApp, PlacementBinding, PortalChat, PortalState, PortalUser } from './portal-state.js';

export function currentUser(state: PortalState): PortalUser | undefined {
  return state.users.find((user) => user.id === state.currentUserId);
}

/** The open chat as the recent list knows it, or derived from its dialogId (`chat<N>` or a user id). */
export function chatOf(state: PortalState, dialogId: string): PortalChat {
  const known = state.chats.find((chat) => chat.dialogId === dialogId);
  if (known) return known;
  const user = state.users.find((u) => String(u.id) === dialogId);
  const type = dialogId.startsWith('chat') ? 'CHAT' : user?.isBot ? null : 'USER';
  return { dialogId, title: user?.name ?? dialogId, type };
}

/**
 * Legacy chat apps shown in the input panel: not hidden, for extranet users only those that support it,
 * and only in chats their CONTEXT names (`ALL`, or chat types; a bot dialog is `BOT`).
 */
export function visibleLegacyApps(state: PortalState, dialogId: string): LegacyChatApp[] {
  const user = currentUser(state);
  const chatType = chatOf(state, dialogId).type ?? 'BOT';
  return state.legacyApps.filter((app) => {
    if (app.hidden || (user?.isExtranet && !app.extranetSupport)) return false;
    const contexts = app.context
      .toUpperCase()
      .split(/[;,]/)
      .map((c) => c.trim());
    return contexts.includes('ALL') || contexts.includes(chatType);
  });
}

export function visibleBindings(
  state: PortalState,
  placement: PlacementCode,
  dialogId: string | null,
): PlacementBinding[] {
  if (!state.portal.installed) return [];
  const user = currentUser(state);
  if (!user) return [];
  const viewer = { isAdmin: user.isAdmin, isExtranet: user.isExtranet };
  const chatType: ChatType | null = dialogId === null ? null : chatOf(state, dialogId).type;
  const bot = dialogId !== null && chatType === null;
  return state.bindings.filter((binding) => {
    if (binding.placement !== placement) return false;
    if (!bot) return isPlacementVisible(binding.options, viewer, chatType);
    const contexts = (binding.options.context ?? 'ALL').trim().split(';');
    return contexts.includes('ALL') && isPlacementVisible(binding.options, viewer, null);
  });
}
