/**
 * The query the host appends to a legacy chat app's IFRAME URL (HOST-PROTOCOL.md §5), declared once, in
 * the host's order. The signer (`signChatAppLaunch`, used by the emulator's legacy launch), the server's
 * verifier (`verifyChatAppLaunch`) and the browser's `parseChatAppLaunch` (type-only: the 1.5 KB legacy
 * entry does not carry the table) read it; test/host-model-consumers.test.ts fails when they disagree.
 */
import type { ChatAppLaunch } from '../chat-app-launch.js';

export interface ChatAppQueryKeySpec {
  /** The `ChatAppLaunch` field the key fills; null for the two signatures. */
  readonly field: keyof ChatAppLaunch | null;
  /**
   * How the value is written: `id` a decimal integer, `text` as given, `flag` `Y`/`N`, `context`
   * `textarea`/`button`, `origin` the portal origin with scheme, `md5` 32 lowercase hex digits.
   */
  readonly value: 'id' | 'text' | 'flag' | 'context' | 'origin' | 'md5';
  /**
   * `signed`: proven by a signature (the only fields a verified launch may trust); `signature`: the
   * signature itself (`DOMAIN_HASH = md5(host + HASH)`, `USER_HASH = md5(USER_ID + HASH)`); null: unsigned.
   */
  readonly proof: 'signed' | 'signature' | null;
  /** `always`, or `button`: only for keyboard/menu buttons (left out when opened from the input). */
  readonly sent: 'always' | 'button';
  /** For flags: what the host sends when the launch does not say. */
  readonly absent?: 'Y' | 'N';
}

export const chatAppLaunchQuery = {
  BOT_ID: { field: 'botId', value: 'id', proof: null, sent: 'always' },
  BOT_CODE: { field: 'botCode', value: 'text', proof: null, sent: 'always' },
  APP_ID: { field: 'appId', value: 'id', proof: null, sent: 'always' },
  APP_CODE: { field: 'appCode', value: 'text', proof: null, sent: 'always' },
  DOMAIN: { field: 'domain', value: 'origin', proof: 'signed', sent: 'always' },
  DOMAIN_HASH: { field: null, value: 'md5', proof: 'signature', sent: 'always' },
  USER_ID: { field: 'userId', value: 'id', proof: 'signed', sent: 'always' },
  USER_HASH: { field: null, value: 'md5', proof: 'signature', sent: 'always' },
  DIALOG_ID: { field: 'dialogId', value: 'text', proof: null, sent: 'always' },
  DIALOG_CONTEXT: { field: 'dialogContext', value: 'text', proof: null, sent: 'always' },
  DIALOG_ENTITY_ID: { field: 'dialogEntityId', value: 'text', proof: null, sent: 'always' },
  DIALOG_ENTITY_DATA_1: { field: 'dialogEntityData1', value: 'text', proof: null, sent: 'always' },
  LANG: { field: 'lang', value: 'text', proof: null, sent: 'always' },
  IS_CHROME: { field: 'isChrome', value: 'flag', proof: null, sent: 'always', absent: 'Y' },
  CONTEXT: { field: 'context', value: 'context', proof: null, sent: 'always' },
  DARK_MODE: { field: 'darkMode', value: 'flag', proof: null, sent: 'always', absent: 'N' },
  MESSAGE_ID: { field: 'messageId', value: 'id', proof: null, sent: 'button' },
  BUTTON_PARAMS: { field: 'buttonParams', value: 'text', proof: null, sent: 'button' },
} as const satisfies Readonly<Record<string, ChatAppQueryKeySpec>>;

export type ChatAppQueryKey = keyof typeof chatAppLaunchQuery;

/** The keys in the host's order. */
export const chatAppQueryKeys = Object.keys(chatAppLaunchQuery) as ChatAppQueryKey[];

type KeysWhere<Where> = {
  [K in ChatAppQueryKey]: (typeof chatAppLaunchQuery)[K] extends Where ? K : never;
}[ChatAppQueryKey];

/** DOMAIN, DOMAIN_HASH, USER_ID, USER_HASH: the keys a launch cannot be verified without. */
export type ProofKey = KeysWhere<{ proof: 'signed' | 'signature' }>;
export const proofKeys = chatAppQueryKeys.filter(
  (key): key is ProofKey => chatAppLaunchQuery[key].proof !== null,
);

type FilledFields = NonNullable<(typeof chatAppLaunchQuery)[ChatAppQueryKey]['field']>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compiles only while the table fills every `ChatAppLaunch` field and no other. */
export type ChatAppQueryCoversLaunch = Assert<Same<FilledFields, keyof ChatAppLaunch>>;
