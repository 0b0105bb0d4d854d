/**
 * The shell's view of `GET /emulator/api/state` and of chat messages, read defensively: anything the
 * shell cannot use raises a `ShellDataError` naming the field instead of breaking the UI later.
 */
import {
  type ChatType,
  isPlacementCode,
  type NormalizedOptions,
  type PlacementCode,
} from '@imkit/frame/placements';
import {
  isObject,
  type JsonObject,
  readArray,
  readFlag,
  readNumber,
  readObject,
  readOptionalString,
  readString,
} from './read-fields.js';
import { ShellDataError } from './shell-data-error.js';

export interface PortalInfo {
  readonly domain: string;
  readonly origin: string;
  readonly memberId: string;
  /** True once the app's install page called installFinish. */
  readonly installed: boolean;
  readonly appName: string;
}

export interface PortalUser {
  readonly id: number;
  readonly name: string;
  readonly isAdmin: boolean;
  readonly isExtranet: boolean;
  readonly isBot: boolean;
}

export interface PortalChat {
  /** `chat<N>` for group chats, the user id for private dialogs. */
  readonly dialogId: string;
  readonly title: string;
  /** null for a private dialog with a bot (it matches only `context=ALL`). */
  readonly type: ChatType | null;
}

export interface PlacementBinding {
  readonly id: number;
  readonly placement: PlacementCode;
  readonly handler: string;
  readonly title: string;
  readonly options: NormalizedOptions;
}

export interface LegacyChatApp {
  readonly id: number;
  readonly code: string;
  readonly title: string;
  readonly iconUrl: string;
  readonly hidden: boolean;
  readonly extranetSupport: boolean;
  /** Chat types it is shown in (`ALL`, or types joined with `;`). */
  readonly context: string;
  readonly width: number;
  readonly height: number;
}

export interface ChatMessage {
  readonly id: number;
  readonly dialogId: string;
  readonly authorId: number;
  readonly text: string;
  readonly date: string;
}

/** The emulator's fault switches (`POST /emulator/api/faults`). */
export interface PortalFaults {
  /** Added to every REST call. */
  readonly latencyMs: number;
  /** How many of the next REST calls are answered 503 QUERY_LIMIT_EXCEEDED. */
  readonly fail503Count: number;
  /** Lifetime of the tokens minted from now on. */
  readonly tokenTtlSeconds: number;
}

export const faultNames = ['latencyMs', 'fail503Count', 'tokenTtlSeconds'] as const;

export interface PortalState {
  readonly portal: PortalInfo;
  readonly faults: PortalFaults;
  readonly currentUserId: number;
  readonly users: readonly PortalUser[];
  readonly chats: readonly PortalChat[];
  readonly bindings: readonly PlacementBinding[];
  readonly legacyApps: readonly LegacyChatApp[];
}

const chatTypes: readonly ChatType[] = ['USER', 'CHAT', 'LINES', 'CRM'];

function readChatType(o: JsonObject, field: string): ChatType | null {
  const raw = o.chatType === undefined ? o.type : o.chatType;
  if (raw === null) return null;
  const upper = typeof raw === 'string' ? raw.toUpperCase() : raw;
  if (typeof upper === 'string' && (chatTypes as readonly string[]).includes(upper)) return upper as ChatType;
  throw new ShellDataError(`${field}.type`, chatTypes.join('|'), raw);
}

function readUser(value: unknown, field: string): PortalUser {
  const o = readObject(value, field);
  const name =
    readOptionalString(o, 'name', '') ||
    [readOptionalString(o, 'NAME', ''), readOptionalString(o, 'LAST_NAME', '')].join(' ').trim();
  return {
    id: readNumber(o, o.id === undefined ? 'ID' : 'id', field),
    name: name || `User ${readOptionalString(o, 'id', '?')}`,
    isAdmin: readFlag(o, 'isAdmin') || readFlag(o, 'admin'),
    isExtranet: readFlag(o, 'isExtranet') || readFlag(o, 'extranet'),
    isBot: readFlag(o, 'isBot') || readFlag(o, 'bot'),
  };
}

function readChat(value: unknown, field: string): PortalChat {
  const o = readObject(value, field);
  return {
    dialogId: readString(o, 'dialogId', field),
    title: readOptionalString(o, 'title', readOptionalString(o, 'name', readString(o, 'dialogId', field))),
    type: readChatType(o, field),
  };
}

function readOptions(value: unknown): NormalizedOptions {
  if (!isObject(value)) return {};
  const options: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number') options[key] = String(v);
  }
  return options;
}

function readBinding(value: unknown, field: string): PlacementBinding {
  const o = readObject(value, field);
  const placement = o.placement ?? o.PLACEMENT;
  if (!isPlacementCode(placement))
    throw new ShellDataError(`${field}.placement`, 'an IM_* placement code', placement);
  const handler = o.handler ?? o.HANDLER;
  if (typeof handler !== 'string') throw new ShellDataError(`${field}.handler`, 'a URL string', handler);
  const title = o.title ?? o.TITLE;
  return {
    id: readNumber(o, o.id === undefined ? 'ID' : 'id', field),
    placement,
    handler,
    title: typeof title === 'string' && title !== '' ? title : placement,
    options: readOptions(o.options ?? o.OPTIONS),
  };
}

function readLegacyApp(value: unknown, field: string): LegacyChatApp {
  const o = readObject(value, field);
  const id = readNumber(o, o.id === undefined ? 'appId' : 'id', field);
  const code = readOptionalString(o, 'code', readOptionalString(o, 'CODE', `app${id}`));
  return {
    id,
    code,
    title: readOptionalString(o, 'title', readOptionalString(o, 'name', code)),
    iconUrl: readOptionalString(o, 'iconUrl', readOptionalString(o, 'iconFile', '')),
    hidden: readFlag(o, 'hidden'),
    extranetSupport: readFlag(o, 'extranetSupport'),
    context: readOptionalString(o, 'context', 'ALL'),
    width: Number(readOptionalString(o, 'width', '350')) || 350,
    height: Number(readOptionalString(o, 'height', '150')) || 150,
  };
}

function readList<T>(value: unknown, field: string, read: (item: unknown, field: string) => T): T[] {
  return readArray(value ?? [], field).map((item, index) => read(item, `${field}[${index}]`));
}

export function readFaults(value: unknown, field = 'state.faults'): PortalFaults {
  const o = readObject(value, field);
  return {
    latencyMs: readNumber(o, 'latencyMs', field),
    fail503Count: readNumber(o, 'fail503Count', field),
    tokenTtlSeconds: readNumber(o, 'tokenTtlSeconds', field),
  };
}

export function readPortalState(value: unknown): PortalState {
  const o = readObject(value, 'state');
  const portal = readObject(o.portal, 'state.portal');
  return {
    portal: {
      domain: readString(portal, 'domain', 'state.portal'),
      origin: readString(portal, 'origin', 'state.portal'),
      memberId: readOptionalString(portal, 'memberId', ''),
      installed: readFlag(portal, 'installed'),
      appName: readOptionalString(portal, 'appName', 'app'),
    },
    faults: readFaults(o.faults),
    currentUserId: readNumber(o, 'currentUserId', 'state'),
    users: readList(o.users, 'state.users', readUser),
    chats: readList(o.chats, 'state.chats', readChat),
    bindings: readList(o.bindings, 'state.bindings', readBinding),
    legacyApps: readList(o.legacyApps, 'state.legacyApps', readLegacyApp),
  };
}

export function readChatMessage(value: unknown, field: string, dialogId?: string): ChatMessage {
  const o = readObject(value, field);
  const author = o.authorId ?? o.author_id ?? o.fromUserId ?? o.senderId;
  return {
    id: readNumber(o, 'id', field),
    dialogId: readOptionalString(o, 'dialogId', dialogId ?? ''),
    authorId: typeof author === 'number' ? author : Number(author ?? 0) || 0,
    text: readOptionalString(o, 'text', readOptionalString(o, 'message', '')),
    date: readOptionalString(o, 'date', ''),
  };
}

/** `GET chats/:dialogId/messages`: an array, or `{messages: [...]}`. */
export function readChatMessages(value: unknown, dialogId: string): ChatMessage[] {
  const list = isObject(value) ? value.messages : value;
  return readList(list, 'messages', (item, field) => readChatMessage(item, field, dialogId));
}
