/** `GET /emulator/api/state`: what the shell renders, for the current user. */
import { placementCatalog } from '@imkit/frame/placements';
import { bindingIdsForChat, legacyAppIdsForChat, visibleBindings } from '../frame-host/binding-visibility.js';
import type { EmulatorRuntime } from '../portal/runtime.js';
import {
  chatTitle,
  chatTypeOf,
  currentUser,
  dialogIdFor,
  displayName,
} from '../portal/state/portal-queries.js';
import type { PortalChat, PortalMessage, PortalState } from '../portal/state/portal-state.js';
import type { ChatView, StateView } from './contract.js';

function lastMessageOf(state: PortalState, chat: PortalChat): PortalMessage | null {
  let last: PortalMessage | null = null;
  for (const m of state.messages) if (m.chatId === chat.id && (last === null || m.id > last.id)) last = m;
  return last;
}

export function stateView(runtime: EmulatorRuntime): StateView {
  const state = runtime.state;
  const user = currentUser(state);
  const chats: ChatView[] = state.chats
    .filter((chat) => chat.members.includes(user.id))
    .map((chat) => ({ chat, last: lastMessageOf(state, chat) }))
    .sort((a, b) => (b.last?.id ?? 0) - (a.last?.id ?? 0))
    .map(({ chat, last }) => ({
      dialogId: dialogIdFor(chat, user.id),
      chatId: chat.id,
      kind: chat.kind,
      chatType: chatTypeOf(state, chat, user.id),
      title: chatTitle(state, chat, user.id),
      color: chat.color,
      members: chat.members,
      entityType: chat.entityType,
      entityId: chat.entityId,
      session: chat.session,
      lastMessage: last,
      bindingIds: bindingIdsForChat(state, user, chat),
      legacyAppIds: legacyAppIdsForChat(state, user, chat),
    }));
  const bindings = visibleBindings(state, user).map((b) => ({
    ...b,
    opensIn: placementCatalog[b.placement].opensIn,
    canResize: placementCatalog[b.placement].canResize,
    contextFields: placementCatalog[b.placement].contextFields,
  }));
  return {
    portal: {
      domain: runtime.domain,
      origin: runtime.origin,
      memberId: state.portal.memberId,
      installed: state.portal.installed,
      appName: state.portal.appName,
      lang: state.portal.lang,
      installHandler: runtime.installHandler,
    },
    currentUserId: user.id,
    users: state.users.map((u) => ({
      id: u.id,
      name: displayName(u),
      firstName: u.name,
      lastName: u.lastName,
      workPosition: u.workPosition,
      color: u.color,
      isAdmin: u.isAdmin,
      isExtranet: u.isExtranet,
      isBot: u.isBot,
    })),
    chats,
    bindings,
    legacyApps: state.legacyApps.map(({ hash: _hash, ...app }) => app),
    faults: { ...runtime.faults },
    devAids: { ...runtime.devAids },
  };
}
