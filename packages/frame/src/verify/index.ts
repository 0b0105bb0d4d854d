/**
 * `@imkit/frame/verify` — server only (Node 20+). Checks the signatures of legacy chat-app launches
 * (`imbot.app.register` IFRAME apps, HOST-PROTOCOL.md §5) and the application token of install events.
 */
import * as nodeCrypto from 'node:crypto';
import type { ChatAppLaunch } from '../chat-app-launch.js';

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

export type { ChatAppLaunch };

/** The launch fields no signature covers: the host signs only the portal host and USER_ID (HOST-PROTOCOL.md §5). */
export type UnverifiedChatAppLaunch = Omit<ChatAppLaunch, 'domain' | 'userId'>;

/**
 * A launch whose DOMAIN_HASH and USER_HASH matched. Only `domain` and `userId` are proven by them; every
 * other field sits beside them in the URL unsigned, so anyone holding a launch URL can change it (a
 * `DIALOG_ID` of `chat999` for `chat12` still verifies). They are kept apart, under `unverified`, so that
 * nothing treats them as proven: check them against the portal (REST) before acting on them.
 */
export interface VerifiedChatAppLaunch {
  /** The portal origin, proven by DOMAIN_HASH. */
  readonly domain: string;
  /** The user, proven by USER_HASH. */
  readonly userId: number;
  /** Everything else the query says, as given: user input, not a claim. */
  readonly unverified: UnverifiedChatAppLaunch;
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
  | { readonly ok: true; readonly launch: VerifiedChatAppLaunch }
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

/** Position of each launch key in `single`; a null-prototype record, so any key can be looked up. */
const keyIndex: Readonly<Record<string, number>> = Object.assign(
  Object.create(null) as Record<string, number>,
  Object.fromEntries(single.map((key, index) => [key, index])),
);

/** The launch fields of a query: the first value of each known key and how often it was given. */
interface LaunchFields {
  readonly values: (string | undefined)[];
  readonly counts: number[];
}

function newFields(): LaunchFields {
  return {
    values: new Array<string | undefined>(single.length),
    counts: new Array<number>(single.length).fill(0),
  };
}

function addField(fields: LaunchFields, key: string, value: string): void {
  const index = keyIndex[key];
  if (index === undefined) return;
  if (fields.counts[index]! === 0) fields.values[index] = value;
  fields.counts[index]! += 1;
}

function needsDecoding(text: string): boolean {
  return text.indexOf('%') >= 0 || text.indexOf('+') >= 0;
}

function formDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Launch keys grouped by length, so a raw key is recognised in place without slicing it. */
const keysByLength: (readonly string[])[] = [];
for (const key of single) keysByLength[key.length] = [...(keysByLength[key.length] ?? []), key];

/** The launch key written raw at `text[start, end)`, or null. */
function rawKeyAt(text: string, start: number, end: number): string | null {
  const candidates = keysByLength[end - start];
  if (candidates === undefined) return null;
  for (const key of candidates) if (text.startsWith(key, start)) return key;
  return null;
}

function rangeNeedsDecoding(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 37 /* % */ || code === 43 /* + */) return true;
  }
  return false;
}

/**
 * Reads a query string the way URLSearchParams does, keeping only the launch keys: one pass, decoding
 * only what needs it; a malformed %-escape falls back to URLSearchParams' lenient decoding.
 */
function fieldsOfString(query: string): LaunchFields {
  const fields = newFields();
  const at = query.indexOf('?');
  const text = at >= 0 ? query.slice(at + 1) : query;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const eq = text.indexOf('=', start);
      const split = eq >= 0 && eq < end ? eq : end;
      let key = rawKeyAt(text, start, split);
      if (key === null && rangeNeedsDecoding(text, start, split)) {
        const decoded = formDecode(text.slice(start, split));
        if (decoded === null) return fieldsOfParams(new URLSearchParams(text));
        if (keyIndex[decoded] !== undefined) key = decoded;
      }
      if (key !== null) {
        let value: string | null = split < end ? text.slice(split + 1, end) : '';
        if (needsDecoding(value)) value = formDecode(value);
        if (value === null) return fieldsOfParams(new URLSearchParams(text));
        addField(fields, key, value);
      }
    }
    start = end + 1;
  }
  return fields;
}

function fieldsOfParams(params: URLSearchParams): LaunchFields {
  const fields = newFields();
  for (const [key, value] of params) addField(fields, key, value);
  return fields;
}

function toFields(query: LaunchQuery): LaunchFields | null {
  if (query instanceof URLSearchParams) return fieldsOfParams(query);
  if (typeof query === 'string') return fieldsOfString(query);
  if (typeof query !== 'object' || query === null) return null;
  const fields = newFields();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        addField(fields, key, String(v));
      else if (v !== undefined) return null;
    }
  }
  return fields;
}

interface ParsedDomain {
  readonly origin: string;
  readonly hostname: string;
}

/** Parsed DOMAIN values, so a portal's repeated launches skip URL parsing; bounded. */
const domainCache = new Map<string, ParsedDomain | null>();

/**
 * Parses DOMAIN (`https://host[:port]`) into its origin and host name; null when malformed. The host
 * writes DOMAIN as a canonical origin (lower case, no default port), so anything URL parsing would
 * rewrite (upper case, `:443`, `%2E`, a backslash, a trailing `/`) is refused rather than silently normalized.
 */
function parseDomain(domain: string): ParsedDomain | null {
  const cached = domainCache.get(domain);
  if (cached !== undefined) return cached;
  let parsed: ParsedDomain | null = null;
  if (/^https?:\/\/[^/?#@\s\\]+$/.test(domain)) {
    try {
      const url = new URL(domain);
      if (url.origin === domain) parsed = { origin: url.origin, hostname: url.hostname };
    } catch {
      parsed = null;
    }
  }
  if (domainCache.size >= 1024) domainCache.clear();
  domainCache.set(domain, parsed);
  return parsed;
}

/**
 * Whether a Referer comes from exactly this origin. The common case — the origin itself followed by
 * nothing or by a path, query or fragment — is read without URL parsing; anything else is parsed and
 * compared by origin, so `https://portal.example.com.evil.example`, userinfo (`@`), another port or
 * scheme all fail.
 */
function refererFromOrigin(referer: string, origin: string): boolean {
  if (referer.startsWith(origin)) {
    if (referer.length === origin.length) return true;
    const next = referer.charCodeAt(origin.length);
    if (next === 47 /* / */ || next === 63 /* ? */ || next === 35 /* # */) return true;
  }
  try {
    const url = new URL(referer);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
  } catch {
    return false;
  }
}

const decimal = /^\d{1,15}$/;

/**
 * Whether `received` is exactly the 32 lowercase hex digits of `expected`, in time that does not depend on
 * where they differ: every character is compared and checked to be hex.
 */
function digestEqual(expected: string, received: string): boolean {
  if (received.length !== 32) return false;
  let diff = 0;
  let notHex = 0;
  for (let i = 0; i < 32; i++) {
    const code = received.charCodeAt(i);
    notHex |= code < 48 || (code > 57 && code < 97) || code > 102 ? 1 : 0;
    diff |= expected.charCodeAt(i) ^ code;
  }
  return diff === 0 && notHex === 0;
}

type LaunchKey = (typeof single)[number];

function fieldOf(fields: LaunchFields, key: LaunchKey): string | null {
  return fields.values[keyIndex[key]!] ?? null;
}

function textOf(fields: LaunchFields, key: LaunchKey): string {
  return fields.values[keyIndex[key]!] ?? '';
}

function intOf(fields: LaunchFields, key: LaunchKey): number {
  const text = textOf(fields, key);
  return decimal.test(text) ? Number(text) : 0;
}

function contextOf(text: string): ChatAppLaunch['context'] {
  return text === 'textarea' || text === 'button' ? text : '';
}

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
  let fields: LaunchFields | null;
  try {
    fields = toFields(query);
  } catch {
    fields = null;
  }
  if (fields === null) return fail('MALFORMED_QUERY');
  const duplicated = fields.counts.findIndex((count) => count > 1);
  if (duplicated >= 0) return fail('DUPLICATED_FIELD', single[duplicated]);
  for (const key of required) {
    if ((fieldOf(fields, key) ?? '') === '') return fail('MISSING_FIELD', key);
  }
  const domain = parseDomain(fieldOf(fields, 'DOMAIN')!);
  if (domain === null) return fail('MALFORMED_DOMAIN', 'DOMAIN');
  const userIdText = fieldOf(fields, 'USER_ID')!;
  if (!decimal.test(userIdText)) return fail('MALFORMED_FIELD', 'USER_ID');
  const receivedDomainHash = fieldOf(fields, 'DOMAIN_HASH')!;
  const receivedUserHash = fieldOf(fields, 'USER_HASH')!;
  const expectedDomainHash = md5Hex(domain.hostname + secret);
  const expectedUserHash = md5Hex(userIdText + secret);
  if (!digestEqual(expectedDomainHash, receivedDomainHash))
    return fail('DOMAIN_HASH_MISMATCH', 'DOMAIN_HASH');
  if (!digestEqual(expectedUserHash, receivedUserHash)) return fail('USER_HASH_MISMATCH', 'USER_HASH');
  if (options.referer !== undefined) {
    if (options.referer === null || options.referer === '') return fail('REFERER_MISSING', 'referer');
    if (!refererFromOrigin(options.referer, domain.origin)) return fail('REFERER_MISMATCH', 'referer');
  }
  const messageId = fieldOf(fields, 'MESSAGE_ID');
  return {
    ok: true,
    launch: {
      domain: domain.origin,
      userId: Number(userIdText),
      unverified: {
        botId: intOf(fields, 'BOT_ID'),
        botCode: textOf(fields, 'BOT_CODE'),
        appId: intOf(fields, 'APP_ID'),
        appCode: textOf(fields, 'APP_CODE'),
        dialogId: textOf(fields, 'DIALOG_ID'),
        dialogContext: textOf(fields, 'DIALOG_CONTEXT'),
        dialogEntityId: textOf(fields, 'DIALOG_ENTITY_ID'),
        dialogEntityData1: textOf(fields, 'DIALOG_ENTITY_DATA_1'),
        lang: textOf(fields, 'LANG'),
        isChrome: textOf(fields, 'IS_CHROME') === 'Y',
        context: contextOf(textOf(fields, 'CONTEXT')),
        darkMode: textOf(fields, 'DARK_MODE') === 'Y',
        messageId: messageId !== null && decimal.test(messageId) ? Number(messageId) : null,
        buttonParams: textOf(fields, 'BUTTON_PARAMS'),
      },
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
