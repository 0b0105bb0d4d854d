/**
 * The launch of a legacy chat app (`imbot.app.register` with IFRAME), typed: what the host appends to the
 * IFRAME URL (HOST-PROTOCOL.md §5), read in the browser by `parseChatAppLaunch` (`@imkit/frame/legacy`)
 * and verified on the server by `verifyChatAppLaunch` (`@imkit/frame/verify`).
 */
export interface ChatAppLaunch {
  readonly botId: number;
  readonly botCode: string;
  readonly appId: number;
  readonly appCode: string;
  /** The portal origin (`https://portal.bitrix24.com`); the only origin the client talks to. */
  readonly domain: string;
  readonly userId: number;
  /** `chat<N>` for group chats, the user id for private dialogs. */
  readonly dialogId: string;
  readonly dialogContext: string;
  readonly dialogEntityId: string;
  readonly dialogEntityData1: string;
  readonly lang: string;
  readonly isChrome: boolean;
  /** Opened from the message input (`textarea`) or from a keyboard/menu button (`button`); '' otherwise. */
  readonly context: 'textarea' | 'button' | '';
  readonly darkMode: boolean;
  /** The message whose button opened the app; null when opened from the input. */
  readonly messageId: number | null;
  /** The button's APP_PARAMS; '' when opened from the input. */
  readonly buttonParams: string;
}
