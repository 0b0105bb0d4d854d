/**
 * The emulated portal as one JSON document: what `seed/portal.json` describes and what is persisted to
 * `.emulator-state/portal.json`. Everything the REST layer and the shell's private API read or change.
 */
import type { CheckedBinding } from '@imkit/frame/placements';

export interface PortalInfo {
  readonly memberId: string;
  readonly appName: string;
  readonly appCode: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly lang: string;
  /** The `application_token` every event of the current installation carries (new on each install). */
  applicationToken: string;
  installed: boolean;
}

export interface PortalUser {
  readonly id: number;
  readonly name: string;
  readonly lastName: string;
  readonly email: string;
  readonly workPosition: string;
  readonly color: string;
  readonly gender: 'M' | 'F' | '';
  readonly isAdmin: boolean;
  readonly isExtranet: boolean;
  readonly isBot: boolean;
  /** A bot's CODE (imbot.register), sent as a legacy chat app's BOT_CODE; absent for people. */
  readonly botCode?: string;
}

/** `private`: a dialog between two users; `chat`: group chat; `lines`: open-line chat; `crm`: CRM chat. */
export type PortalChatKind = 'private' | 'chat' | 'lines' | 'crm';

export interface OpenLineSession {
  readonly id: number;
  operatorId: number;
  readonly queue: readonly number[];
  /** `imol|<connector>|<line>|<user>`-style user code, as the host stores it. */
  readonly userCode: string;
  readonly crm: { readonly entityType: string; readonly entityId: number } | null;
  status: 'active' | 'transferred' | 'closed';
}

export interface PortalChat {
  /** The numeric chat id; a group chat's dialog id is `chat<id>`. */
  readonly id: number;
  readonly kind: PortalChatKind;
  readonly title: string;
  readonly color: string;
  readonly ownerId: number;
  readonly members: number[];
  readonly entityType: string;
  readonly entityId: string;
  readonly entityData1: string;
  readonly dateCreate: string;
  readonly session: OpenLineSession | null;
}

export interface MessageParams {
  readonly ATTACH?: unknown;
  readonly KEYBOARD?: unknown;
  readonly MENU?: unknown;
  readonly URL_PREVIEW?: 'Y' | 'N';
}

export interface PortalMessage {
  readonly id: number;
  readonly chatId: number;
  /** 0 for a system message. */
  readonly authorId: number;
  readonly date: string;
  readonly text: string;
  readonly system: boolean;
  readonly params: MessageParams;
  /** http(s) links found in the text (what the sidebar's insights look at). */
  readonly links: readonly string[];
}

/** A binding as `placement.bind` checked it (`CheckedBinding`), stored with its id and user. */
export interface PortalBinding extends CheckedBinding {
  readonly id: number;
  readonly userId: number;
}

export const allScopes = ['placement', 'im', 'imopenlines', 'imbot', 'user', 'app'] as const;
export type Scope = (typeof allScopes)[number];

export interface PortalToken {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly userId: number;
  /** Unix seconds. */
  readonly expires: number;
  readonly scopes: readonly Scope[];
  /** Set once the refresh token has been exchanged (a refresh token works once). */
  refreshed: boolean;
}

export interface PortalWebhook {
  readonly userId: number;
  readonly code: string;
}

export interface LegacyChatApp {
  readonly id: number;
  readonly botId: number;
  readonly code: string;
  iframe: string;
  hash: string;
  width: number;
  height: number;
  context: string;
  hidden: boolean;
  extranetSupport: boolean;
  title: string;
  description: string;
}

/**
 * An `event.bind` registration (bitrix24/b24restdocs api-reference/events/event-bind.md). `authType` 0:
 * the event is authorised as the user whose action raised it; `handler` is '' for offline bindings.
 */
export interface PortalEventBinding {
  readonly id: number;
  readonly event: string;
  readonly handler: string;
  readonly authType: number;
  readonly offline: boolean;
  readonly authConnector: string;
  readonly options: Readonly<Record<string, unknown>>;
}

/** A record of the offline queue (api-reference/events/event-offline-list.md). */
export interface OfflineEventRecord {
  readonly id: number;
  /** ISO date with offset, as TIMESTAMP_X. */
  timestamp: string;
  readonly eventName: string;
  eventData: unknown;
  eventAdditional: unknown;
  /** The host's MESSAGE_ID: the same event about the same object keeps one record. */
  readonly messageId: string;
  readonly authConnector: string;
  /** '' until `event.offline.get` with `clear=0` reserves the record for a process. */
  processId: string;
  error: boolean;
}

/** The emulated app's installation through `app.install` (absent for a seeded installation). */
export interface AppInstallation {
  /** The app's install handler: where ONAPPINSTALL was posted. */
  readonly handlerUrl: string;
  readonly installedAt: number;
}

export interface PortalState {
  readonly version: 1;
  readonly portal: PortalInfo;
  readonly users: PortalUser[];
  readonly chats: PortalChat[];
  readonly messages: PortalMessage[];
  readonly bindings: PortalBinding[];
  readonly tokens: PortalToken[];
  readonly webhooks: PortalWebhook[];
  readonly legacyApps: LegacyChatApp[];
  readonly eventBindings: PortalEventBinding[];
  readonly offlineEvents: OfflineEventRecord[];
  installation: AppInstallation | null;
  readonly userOptions: Record<string, Record<string, unknown>>;
  appOptions: Record<string, unknown>;
  /** Users whose first `getInitData` has been answered (FIRST_RUN is true only before). */
  readonly firstRunDone: number[];
  currentUserId: number;
  readonly nextId: {
    message: number;
    binding: number;
    chat: number;
    legacyApp: number;
    session: number;
    eventBinding: number;
    offlineEvent: number;
  };
}
