/**
 * The JSON the private API (`/emulator/api/*`) answers and the Server-Sent Events it streams: one typed
 * contract between the emulator and its shell. The server's handlers are declared to return these types
 * and the shell imports them (type-only), so neither side re-declares or guesses the other's fields.
 */
import type { ChatType, PlacementSpec } from '@imkit/frame/placements';
import type { DevAids } from '../portal/dev-aids.js';
import type { Faults } from '../portal/faults.js';
import type {
  LegacyChatApp,
  OpenLineSession,
  PortalBinding,
  PortalChatKind,
  PortalMessage,
} from '../portal/state/portal-state.js';

export type { FrameAnswer } from '../frame-host/frame-commands.js';
export type { FrameLaunch } from '../frame-host/frame-launch.js';
export type { LegacyLaunch } from '../frame-host/legacy-launch.js';
export type { AppUninstall as AppUninstallView } from '../portal/app-lifecycle.js';
export type { DevAids } from '../portal/dev-aids.js';
/** `POST app/install`: the ONAPPINSTALL delivery (fields as posted, the handler's status). */
export type { EventDelivery as AppInstallView, EventDelivery } from '../portal/event-delivery.js';
export type { EmulatorEvents, MessageEventData, StateEventData, TrafficEntry } from '../portal/event-hub.js';
export type { Faults } from '../portal/faults.js';
export type { DeliveryStatus, EventDeliveryCount, PortalStats } from '../portal/portal-stats.js';
export type { PortalMessage } from '../portal/state/portal-state.js';

export interface PortalInfoView {
  readonly domain: string;
  readonly origin: string;
  readonly memberId: string;
  /** True once the app's install page called installFinish. */
  readonly installed: boolean;
  readonly appName: string;
  readonly lang: string;
  readonly installHandler: string | null;
}

export interface UserView {
  readonly id: number;
  /** First and last name. */
  readonly name: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly workPosition: string;
  readonly color: string;
  readonly isAdmin: boolean;
  readonly isExtranet: boolean;
  readonly isBot: boolean;
}

/** A chat of the current user's recent list. */
export interface ChatView {
  /** `chat<N>` for group chats, the other user's id for private dialogs. */
  readonly dialogId: string;
  readonly chatId: number;
  readonly kind: PortalChatKind;
  /** The type placements' `context` is matched against; null for a private dialog with a bot. */
  readonly chatType: ChatType | null;
  readonly title: string;
  readonly color: string;
  readonly members: readonly number[];
  readonly entityType: string;
  readonly entityId: string;
  readonly session: OpenLineSession | null;
  readonly lastMessage: PortalMessage | null;
  /** The chat placements (all but IM_NAVIGATION) the current user sees in this chat. */
  readonly bindingIds: readonly number[];
  /** The legacy chat apps (`imbot.app.register`) shown in this chat's input panel. */
  readonly legacyAppIds: readonly number[];
}

/** A binding the current user sees, with what the catalogue says about its placement. */
export interface BindingView extends PortalBinding {
  readonly opensIn: PlacementSpec['opensIn'];
  readonly canResize: PlacementSpec['canResize'];
  readonly contextFields: PlacementSpec['contextFields'];
}

/** A legacy chat app without its HASH. */
export type LegacyAppView = Omit<LegacyChatApp, 'hash'>;

/** `GET state`, and the answer of `POST session` and `POST reset`. */
export interface StateView {
  readonly portal: PortalInfoView;
  readonly currentUserId: number;
  readonly users: readonly UserView[];
  readonly chats: readonly ChatView[];
  /** Empty until the install is finished; filtered for the current user's role and extranet. */
  readonly bindings: readonly BindingView[];
  readonly legacyApps: readonly LegacyAppView[];
  readonly faults: Faults;
  /** Development aids that are on: behaviour a portal does not have (dev-aids.ts). */
  readonly devAids: DevAids;
}

/** `GET chats/:dialogId/messages`. */
export interface ChatMessagesView {
  readonly dialogId: string;
  readonly chatId: number;
  /** Oldest first. */
  readonly messages: readonly PortalMessage[];
  /** Author id → display name. */
  readonly users: Readonly<Record<string, string>>;
}

/** `POST messages`. */
export interface SentMessageView {
  readonly dialogId: string;
  readonly message: PortalMessage;
}

/** A refused request (any status but 200). */
export interface PrivateApiErrorBody {
  readonly error: string;
  readonly error_description: string;
  readonly field?: string;
}
