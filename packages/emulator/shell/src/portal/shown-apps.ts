/**
 * What the shell shows, exactly as `GET state` says: the server filters `bindings` for the current user
 * (role, extranet; nothing before the install is finished) and gives each chat the `bindingIds` and
 * `legacyAppIds` shown in it. The shell only picks them out; it computes no visibility itself.
 */
import type { PlacementCode } from '@imkit/frame/placements';
import type { BindingView, ChatView, LegacyAppView, StateView } from '../../../src/private-api/contract.js';

/** The open chat as the recent list knows it (a dialog opened just now appears with the next state). */
export function chatOf(state: StateView, dialogId: string): ChatView | undefined {
  return state.chats.find((chat) => chat.dialogId === dialogId);
}

/** The bindings of `placement` shown in the open chat, or outside any chat when `dialogId` is null. */
export function shownBindings(
  state: StateView,
  placement: PlacementCode,
  dialogId: string | null,
): BindingView[] {
  const shown = dialogId === null ? null : (chatOf(state, dialogId)?.bindingIds ?? []);
  return state.bindings.filter(
    (binding) => binding.placement === placement && (shown === null || shown.includes(binding.id)),
  );
}

/** The legacy chat apps shown in the open chat's input panel. */
export function shownLegacyApps(state: StateView, dialogId: string): LegacyAppView[] {
  const shown = chatOf(state, dialogId)?.legacyAppIds ?? [];
  return state.legacyApps.filter((app) => shown.includes(app.id));
}
