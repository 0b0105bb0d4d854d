/**
 * `verifyChatAppLaunch`: a legacy chat-app launch (HOST-PROTOCOL.md §5) checked against the
 * installation's HASH and the Referer; and `verifyApplicationToken` for install events. The keys, which
 * of them are proven and how each value reads come from the launch query table (`chatAppLaunchQuery`).
 */
import type { ChatAppLaunch } from '../chat-app-launch.js';
import {
  type ChatAppQueryKey,
  chatAppLaunchQuery,
  chatAppQueryKeys,
  proofKeys,
} from '../host-model/chat-app-query.js';
import { assertSecret, constantTimeEqual, digestEqual, md5Hex } from './hashes.js';
import {
  duplicatedKey,
  fieldOf,
  hasValue,
  type LaunchFields,
  type LaunchQuery,
  rawFieldOf,
  toFields,
} from './launch-query.js';

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

interface ParsedDomain {
  readonly origin: string;
  readonly hostname: string;
}

/**
 * Parsed DOMAIN values, so a portal's repeated launches skip decoding and URL parsing; bounded. Keyed
 * apart by the value as decoded and as written in a query string (`https%3A%2F%2F…`).
 */
const domainCache = new Map<string, ParsedDomain | null>();
const rawDomainCache = new Map<string, ParsedDomain | null>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= 1024) cache.clear();
  cache.set(key, value);
  return value;
}

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
  return remember(domainCache, domain, parsed);
}

/** The last DOMAIN read as written, and what it parsed to: a portal's launches repeat it. */
let lastRawDomain: { readonly raw: string; readonly parsed: ParsedDomain | null } | null = null;

/** DOMAIN of the launch, parsed; read through the raw-value caches when the query was a string. */
function launchDomain(fields: LaunchFields): ParsedDomain | null {
  const raw = rawFieldOf(fields, 'DOMAIN');
  if (raw === null) return parseDomain(fieldOf(fields, 'DOMAIN')!);
  if (lastRawDomain !== null && lastRawDomain.raw === raw) return lastRawDomain.parsed;
  let parsed = rawDomainCache.get(raw);
  if (parsed === undefined) parsed = remember(rawDomainCache, raw, parseDomain(fieldOf(fields, 'DOMAIN')!));
  lastRawDomain = { raw, parsed };
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

type UnsignedKey = {
  [K in ChatAppQueryKey]: (typeof chatAppLaunchQuery)[K]['proof'] extends null ? K : never;
}[ChatAppQueryKey];
type UnsignedField<K extends UnsignedKey> = (typeof chatAppLaunchQuery)[K]['field'] &
  keyof UnverifiedChatAppLaunch;

/**
 * The unsigned value of `key` as the table types it: ids decimal (else 0, or null for button-only
 * keys), flags `Y`, the context `textarea`/`button` (else ''), text as given ('' when absent).
 */
function unsigned<K extends UnsignedKey>(
  fields: LaunchFields,
  key: K,
): UnverifiedChatAppLaunch[UnsignedField<K>] {
  const spec: (typeof chatAppLaunchQuery)[UnsignedKey] = chatAppLaunchQuery[key];
  const text = fieldOf(fields, key);
  let value: unknown;
  switch (spec.value) {
    case 'id':
      value = text !== null && decimal.test(text) ? Number(text) : spec.sent === 'button' ? null : 0;
      break;
    case 'flag':
      value = text === 'Y';
      break;
    case 'context':
      value = text === 'textarea' || text === 'button' ? text : '';
      break;
    default:
      value = text ?? '';
  }
  return value as UnverifiedChatAppLaunch[UnsignedField<K>];
}

/**
 * The unsigned fields, one literal so every launch has the same shape (a loop of keyed stores is
 * several times slower); test/host-model-consumers.test.ts checks it against the table.
 */
function unverifiedOf(fields: LaunchFields): UnverifiedChatAppLaunch {
  return {
    botId: unsigned(fields, 'BOT_ID'),
    botCode: unsigned(fields, 'BOT_CODE'),
    appId: unsigned(fields, 'APP_ID'),
    appCode: unsigned(fields, 'APP_CODE'),
    dialogId: unsigned(fields, 'DIALOG_ID'),
    dialogContext: unsigned(fields, 'DIALOG_CONTEXT'),
    dialogEntityId: unsigned(fields, 'DIALOG_ENTITY_ID'),
    dialogEntityData1: unsigned(fields, 'DIALOG_ENTITY_DATA_1'),
    lang: unsigned(fields, 'LANG'),
    isChrome: unsigned(fields, 'IS_CHROME'),
    context: unsigned(fields, 'CONTEXT'),
    darkMode: unsigned(fields, 'DARK_MODE'),
    messageId: unsigned(fields, 'MESSAGE_ID'),
    buttonParams: unsigned(fields, 'BUTTON_PARAMS'),
  };
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
  const duplicated = duplicatedKey(fields);
  if (duplicated !== null) return fail('DUPLICATED_FIELD', duplicated);
  for (const key of proofKeys) {
    if (!hasValue(fields, key)) return fail('MISSING_FIELD', key);
  }
  const domain = launchDomain(fields);
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
  // The unsigned fields are decoded only now, after the hashes matched.
  return {
    ok: true,
    launch: { domain: domain.origin, userId: Number(userIdText), unverified: unverifiedOf(fields) },
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
