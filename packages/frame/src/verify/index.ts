/**
 * `@imkit/frame/verify` — server only (Node 20+). Checks the signatures of legacy chat-app launches
 * (`imbot.app.register` IFRAME apps, HOST-PROTOCOL.md §5) and the application token of install events.
 */
import * as nodeCrypto from 'node:crypto';

type HashFn = (algorithm: string, data: string, encoding: 'hex') => string;
const oneShotHash = (nodeCrypto as unknown as { hash?: HashFn }).hash;

function md5Hex(data: string): string {
  if (oneShotHash) return oneShotHash('md5', data, 'hex');
  return nodeCrypto.createHash('md5').update(data, 'utf8').digest('hex');
}

/** The host's portal name for hashing: host name only, no scheme, no port. */
function hashHost(domainUrl: string): string | null {
  try {
    const url = new URL(domainUrl.includes('://') ? domainUrl : `https://${domainUrl}`);
    return url.hostname;
  } catch {
    return null;
  }
}

function assertSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string' || secret === '' || secret === '0') {
    throw new TypeError('verify: `secret` must be the non-empty HASH the app was registered with');
  }
}

/** `DOMAIN_HASH = md5(<portal host name> + HASH)`, lowercase hex. `domainUrl` may carry scheme and port. */
export function domainHash(domainUrl: string, secret: string): string {
  assertSecret(secret);
  const host = hashHost(domainUrl);
  if (host === null) throw new TypeError(`verify: "${domainUrl}" is not a portal URL`);
  return md5Hex(host + secret.slice(0, 32));
}

/** `USER_HASH = md5(<USER_ID as decimal string> + HASH)`, lowercase hex. */
export function userHash(userId: number | string, secret: string): string {
  assertSecret(secret);
  return md5Hex(String(userId) + secret.slice(0, 32));
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    nodeCrypto.timingSafeEqual(left, left);
    return false;
  }
  return nodeCrypto.timingSafeEqual(left, right);
}

/** The launch query of a legacy chat app, typed. */
export interface ChatAppLaunch {
  readonly botId: number;
  readonly botCode: string;
  readonly appId: number;
  readonly appCode: string;
  /** Portal origin with scheme (and port when not default), such as `https://test.bitrix24.com`. */
  readonly domain: string;
  readonly userId: number;
  readonly dialogId: string;
  readonly dialogContext: string;
  readonly dialogEntityId: string;
  readonly dialogEntityData1: string;
  readonly lang: string;
  readonly isChrome: boolean;
  readonly context: 'textarea' | 'button' | string;
  readonly darkMode: boolean;
  readonly messageId: number | null;
  readonly buttonParams: string | null;
}

export type LaunchFailure =
  | 'MISSING_FIELD'
  | 'DUPLICATED_FIELD'
  | 'MALFORMED_FIELD'
  | 'MALFORMED_DOMAIN'
  | 'DOMAIN_HASH_MISMATCH'
  | 'USER_HASH_MISMATCH'
  | 'REFERER_MISSING'
  | 'REFERER_MISMATCH'
  | 'MALFORMED_QUERY';

export type LaunchVerification =
  | { readonly ok: true; readonly launch: ChatAppLaunch }
  | { readonly ok: false; readonly reason: LaunchFailure; readonly field?: string };

export interface VerifyLaunchOptions {
  /** The HASH the app was registered with (`imbot.app.register`), unique per installation. */
  readonly secret: string;
  /**
   * The request's Referer header. When given (even empty), it must have exactly the launch DOMAIN's
   * origin. Leave it out only where referers are not available.
   */
  readonly referer?: string | null;
}

export type LaunchQuery = URLSearchParams | string | Readonly<Record<string, unknown>>;

const required = ['DOMAIN', 'DOMAIN_HASH', 'USER_ID', 'USER_HASH'] as const;
const single = [
  'BOT_ID',
  'BOT_CODE',
  'APP_ID',
  'APP_CODE',
  ...required,
  'DIALOG_ID',
  'DIALOG_CONTEXT',
  'DIALOG_ENTITY_ID',
  'DIALOG_ENTITY_DATA_1',
  'LANG',
  'IS_CHROME',
  'CONTEXT',
  'DARK_MODE',
  'MESSAGE_ID',
  'BUTTON_PARAMS',
] as const;

function toParams(query: LaunchQuery): URLSearchParams | null {
  if (query instanceof URLSearchParams) return query;
  if (typeof query === 'string') {
    try {
      const at = query.indexOf('?');
      return new URLSearchParams(at >= 0 ? query.slice(at + 1) : query);
    } catch {
      return null;
    }
  }
  if (typeof query !== 'object' || query === null) return null;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        params.append(key, String(v));
      else if (v !== undefined) return null;
    }
  }
  return params;
}

/**
 * Parses DOMAIN (`https://host[:port]`) into its origin and host name; null when malformed. The host
 * writes DOMAIN as a canonical origin (lower case, no default port), so anything URL parsing would
 * rewrite (upper case, `:443`, `%2E`, a backslash, a trailing `/`) is refused rather than silently normalized.
 */
function parseDomain(domain: string): { origin: string; hostname: string } | null {
  if (!/^https?:\/\/[^/?#@\s\\]+$/.test(domain)) return null;
  try {
    const url = new URL(domain);
    return url.origin === domain ? { origin: url.origin, hostname: url.hostname } : null;
  } catch {
    return null;
  }
}

function refererOrigin(referer: string): string | null {
  try {
    const url = new URL(referer);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

const hexHash = /^[0-9a-f]{32}$/;
const decimal = /^\d{1,15}$/;

function fail(reason: LaunchFailure, field?: string): LaunchVerification {
  return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
}

/**
 * Verifies a legacy chat-app launch: DOMAIN_HASH and USER_HASH against the installation's HASH (constant
 * time, exact lowercase hex) and, when given, the Referer against the DOMAIN origin (exact origin
 * comparison). Never throws on any query; throws a TypeError only for an empty `secret` (configuration).
 */
export function verifyChatAppLaunch(query: LaunchQuery, options: VerifyLaunchOptions): LaunchVerification {
  assertSecret(options?.secret);
  const secret = options.secret.slice(0, 32);
  let params: URLSearchParams | null;
  try {
    params = toParams(query);
  } catch {
    params = null;
  }
  if (params === null) return fail('MALFORMED_QUERY');
  for (const key of single) {
    if (params.getAll(key).length > 1) return fail('DUPLICATED_FIELD', key);
  }
  for (const key of required) {
    if ((params.get(key) ?? '') === '') return fail('MISSING_FIELD', key);
  }
  const domain = parseDomain(params.get('DOMAIN')!);
  if (domain === null) return fail('MALFORMED_DOMAIN', 'DOMAIN');
  const userIdText = params.get('USER_ID')!;
  if (!decimal.test(userIdText)) return fail('MALFORMED_FIELD', 'USER_ID');
  const receivedDomainHash = params.get('DOMAIN_HASH')!;
  const receivedUserHash = params.get('USER_HASH')!;
  const domainOk = constantTimeEqual(md5Hex(domain.hostname + secret), receivedDomainHash);
  const userOk = constantTimeEqual(md5Hex(userIdText + secret), receivedUserHash);
  if (!hexHash.test(receivedDomainHash) || !domainOk) return fail('DOMAIN_HASH_MISMATCH', 'DOMAIN_HASH');
  if (!hexHash.test(receivedUserHash) || !userOk) return fail('USER_HASH_MISMATCH', 'USER_HASH');
  if (options.referer !== undefined) {
    if (options.referer === null || options.referer === '') return fail('REFERER_MISSING', 'referer');
    if (refererOrigin(options.referer) !== domain.origin) return fail('REFERER_MISMATCH', 'referer');
  }
  const int = (key: string): number => {
    const text = params.get(key) ?? '';
    return decimal.test(text) ? Number(text) : 0;
  };
  const text = (key: string): string => params.get(key) ?? '';
  const messageId = params.get('MESSAGE_ID');
  return {
    ok: true,
    launch: {
      botId: int('BOT_ID'),
      botCode: text('BOT_CODE'),
      appId: int('APP_ID'),
      appCode: text('APP_CODE'),
      domain: domain.origin,
      userId: Number(userIdText),
      dialogId: text('DIALOG_ID'),
      dialogContext: text('DIALOG_CONTEXT'),
      dialogEntityId: text('DIALOG_ENTITY_ID'),
      dialogEntityData1: text('DIALOG_ENTITY_DATA_1'),
      lang: text('LANG'),
      isChrome: text('IS_CHROME') === 'Y',
      context: text('CONTEXT'),
      darkMode: text('DARK_MODE') === 'Y',
      messageId: messageId !== null && decimal.test(messageId) ? Number(messageId) : null,
      buttonParams: params.get('BUTTON_PARAMS'),
    },
  };
}

/**
 * Checks the `auth[application_token]` of an install/uninstall event against the stored one, in constant
 * time. False for any missing or non-string value.
 */
export function verifyApplicationToken(received: unknown, stored: unknown): boolean {
  if (typeof received !== 'string' || typeof stored !== 'string' || stored === '' || received === '')
    return false;
  return constantTimeEqual(received, stored);
}

/** Builds the signed launch query the host appends to a legacy IFRAME URL, in the host's field order. */
export interface ChatAppLaunchInput {
  readonly botId: number;
  readonly botCode: string;
  readonly appId: number;
  readonly appCode: string;
  /** Portal origin, such as `https://test.bitrix24.com` or `http://127.0.0.1:3000`. */
  readonly domain: string;
  readonly userId: number;
  readonly dialogId: string;
  readonly dialogContext?: string;
  readonly dialogEntityId?: string;
  readonly dialogEntityData1?: string;
  readonly lang: string;
  readonly isChrome?: boolean;
  readonly context: 'textarea' | 'button';
  readonly darkMode?: boolean;
  readonly messageId?: number;
  readonly buttonParams?: string;
}

/** The launch URL exactly as the host builds it: each field `KEY=encodeURIComponent(value)&`. */
export function signChatAppLaunch(iframeUrl: string, input: ChatAppLaunchInput, secret: string): string {
  const fields: [string, string][] = [
    ['BOT_ID', String(input.botId)],
    ['BOT_CODE', input.botCode],
    ['APP_ID', String(input.appId)],
    ['APP_CODE', input.appCode],
    ['DOMAIN', input.domain],
    ['DOMAIN_HASH', domainHash(input.domain, secret)],
    ['USER_ID', String(input.userId)],
    ['USER_HASH', userHash(input.userId, secret)],
    ['DIALOG_ID', input.dialogId],
    ['DIALOG_CONTEXT', input.dialogContext ?? ''],
    ['DIALOG_ENTITY_ID', input.dialogEntityId ?? ''],
    ['DIALOG_ENTITY_DATA_1', input.dialogEntityData1 ?? ''],
    ['LANG', input.lang],
    ['IS_CHROME', input.isChrome === false ? 'N' : 'Y'],
    ['CONTEXT', input.context],
    ['DARK_MODE', input.darkMode ? 'Y' : 'N'],
  ];
  if (input.messageId !== undefined) fields.push(['MESSAGE_ID', String(input.messageId)]);
  if (input.buttonParams !== undefined) fields.push(['BUTTON_PARAMS', input.buttonParams]);
  const query = fields.map(([key, value]) => `${key}=${encodeURIComponent(value)}&`).join('');
  return `${iframeUrl}${iframeUrl.includes('?') ? '&' : '?'}${query}`;
}
