/** Public types of the browser placement client (`@imkit/frame`). */
import type { PlacementCode, PlacementContextByCode } from './placements/catalog.js';
import type { RestCaller } from './rest-types.js';

export type FrameErrorCode =
  /** No reply within the call's timeout. */
  | 'FRAME_TIMEOUT'
  /** The page is not inside a placement frame (no parent, or `window.name` is not `host|1|appSid`). */
  | 'NOT_FRAMED'
  /** The host replied with something the client cannot read. */
  | 'BAD_REPLY'
  /** The client was disposed before the call finished. */
  | 'DISPOSED'
  /** The placement refuses this command (e.g. `resizeWindow` in IM_CONTEXT_MENU's slider). */
  | 'NOT_SUPPORTED_HERE'
  /** The host answered the command with an error (`{message}` or `{result:'error'}`). */
  | 'HOST_ERROR'
  /** A bad argument was passed to a client method. */
  | 'INVALID_ARGUMENT';

export class FrameError extends Error {
  override readonly name = 'FrameError';
  readonly code: FrameErrorCode;
  readonly method: string;
  constructor(code: FrameErrorCode, method: string, message: string) {
    super(message);
    this.code = code;
    this.method = method;
  }
}

export interface FrameAuth {
  readonly accessToken: string;
  /** Epoch milliseconds when the access token expires. */
  readonly expiresAt: number;
  readonly refreshToken: string;
}

interface ContextBase {
  readonly lang: string;
  /** Portal host with port, as in `window.name` (`portal.bitrix24.com`, `127.0.0.1:3000`). */
  readonly domain: string;
  readonly protocol: 'https' | 'http';
  /** Portal origin (`https://portal.bitrix24.com`). */
  readonly origin: string;
  readonly memberId: string;
  readonly isAdmin: boolean;
  readonly auth: FrameAuth;
  readonly firstRun: boolean;
  /** True on the install page, while the host waits for `installFinish`. */
  readonly install: boolean;
  readonly userOptions: Readonly<Record<string, string>>;
  readonly appOptions: Readonly<Record<string, string>>;
  readonly appSid: string;
}

/** The context of a launched placement, typed per placement code. */
export type PlacementContext = {
  [C in PlacementCode]: ContextBase & {
    readonly placement: C;
    readonly options: Readonly<PlacementContextByCode[C]>;
  };
}[PlacementCode];

/** Any other placement code the host may launch with (e.g. `DEFAULT` for the install page). */
export type OtherPlacementContext = ContextBase & {
  readonly placement: string;
  readonly options: Readonly<Record<string, string>>;
};

export type LaunchContext = PlacementContext | OtherPlacementContext;

export interface ConnectOptions {
  /** Per-call timeout in ms for commands that expect a reply. Default 5000. */
  readonly timeout?: number;
  /** The window to run in (tests). Default `globalThis.window`. */
  readonly window?: Window;
  /** Options for `frame.rest` (see `createRestClient`); `origin` and auth come from the launch. */
  readonly rest?: {
    readonly fetch?: typeof fetch;
    readonly maxRetries?: number;
    readonly timeout?: number;
    readonly retryDelay?: number;
  };
}

export interface TextareaInsertOptions {
  /** Replace the input's content instead of inserting at the caret. */
  readonly replace?: boolean;
  readonly withNewLine?: boolean;
}

export interface SelectedUser {
  readonly id: string;
  readonly name: string;
  readonly photo?: string;
}

export interface Frame {
  readonly context: LaunchContext;
  readonly rest: RestCaller;
  /** Asks the host to resize the frame; resolves with the size the host applied. */
  resize(width: number | string, height: number): Promise<{ width: number; height: number }>;
  /** Keeps the frame's height fitted to `element` (default `document.body`); returns a stop function. */
  autoResize(element?: Element): () => void;
  readonly textarea: {
    /** The current text of the chat's message input. */
    get(): Promise<string>;
    /** Inserts text into the message input (or replaces its content). */
    insert(text: string, options?: TextareaInsertOptions): Promise<void>;
  };
  /** Opens a dialog (or the messenger) in the host. Resolves once posted: the host never replies. */
  openMessenger(dialogId?: string): Promise<void>;
  openHistory(dialogId: string): Promise<void>;
  callTo(userId: number | string, video?: boolean): Promise<void>;
  phoneTo(phone: string): Promise<void>;
  closeApplication(): Promise<void>;
  readonly userOptions: {
    get(name: string): string | undefined;
    set(name: string, value: string): Promise<void>;
  };
  readonly appOptions: {
    get(name: string): string | undefined;
    /** Admins only. */
    set(name: string, value: string): Promise<void>;
  };
  selectUser(options?: { multiple?: false }): Promise<SelectedUser>;
  selectUser(options: { multiple: true }): Promise<SelectedUser[]>;
  /** Subscribes to a host event (`placementBindEvent`); the handler runs on every repeat. Returns unsubscribe. */
  bindEvent(event: string, handler: (data: unknown) => void): () => void;
  /** Tells the host the install page is done. Call once, only when `context.install` is true. */
  installFinish(): Promise<void>;
  /** The current access token (changes after `refreshAuth`). */
  readonly auth: FrameAuth;
  /** Asks the host for a fresh access token (`refreshAuth`); concurrent calls share one request. */
  refreshAuth(): Promise<FrameAuth>;
  /** Lazily loads `@bitrix24/b24jssdk` and resolves its initialized `B24Frame`. */
  sdk(): Promise<unknown>;
  /** Removes listeners and rejects pending calls with `DISPOSED`. */
  dispose(): void;
}
