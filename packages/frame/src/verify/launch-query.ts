/**
 * Reads a legacy chat-app launch query (HOST-PROTOCOL.md §5) into its fields: only the keys of the
 * launch query table (`chatAppLaunchQuery`), the first value of each and how often it was given. A query
 * string exactly as the host writes it (every key once, in the table's order) is read by one regular
 * expression; any other is split pair by pair. Each value stays as written until it is read, so a check
 * decodes the four proof fields and nothing else.
 */
import { type ChatAppQueryKey, chatAppLaunchQuery, chatAppQueryKeys } from '../host-model/chat-app-query.js';

export type LaunchQuery = URLSearchParams | string | Readonly<Record<string, unknown>>;

/** Position of each launch key in the table; a null-prototype record, so any key can be looked up. */
const keyIndex: Readonly<Record<string, number>> = Object.assign(
  Object.create(null) as Record<string, number>,
  Object.fromEntries(chatAppQueryKeys.map((key, index) => [key, index])),
);

/**
 * The launch fields of a query: how often each known key was given and its first value, decoded
 * (`values`) or, from a query string, as written (`raws`) until `fieldOf` decodes it.
 */
export interface LaunchFields {
  readonly raws: (string | undefined)[];
  readonly values: (string | undefined)[];
  readonly counts: number[];
}

/** Copied per query: slicing a packed array is much cheaper than allocating and filling one. */
const noCounts: readonly number[] = chatAppQueryKeys.map(() => 0);

function newFields(): LaunchFields {
  return {
    raws: new Array<string | undefined>(chatAppQueryKeys.length),
    values: new Array<string | undefined>(chatAppQueryKeys.length),
    counts: noCounts.slice(),
  };
}

function addField(fields: LaunchFields, key: string, value: string): void {
  const index = keyIndex[key];
  if (index === undefined) return;
  if (fields.counts[index]! === 0) fields.values[index] = value;
  fields.counts[index]! += 1;
}

/** Launch keys grouped by length, each with its index, so a raw key is recognised without slicing it. */
const keysByLength: { readonly key: string; readonly index: number }[][] = [];
chatAppQueryKeys.forEach((key, index) => {
  keysByLength[key.length] ??= [];
  keysByLength[key.length]!.push({ key, index });
});

/** The index of the launch key written raw at the start of `pair`, `length` characters long, or -1. */
function rawKeyOf(pair: string, length: number): number {
  const candidates = keysByLength[length];
  if (candidates === undefined) return -1;
  for (const { key, index } of candidates) if (pair.startsWith(key)) return index;
  return -1;
}

const encoded = /[%+]/;

function needsDecoding(text: string): boolean {
  return encoded.test(text);
}

/**
 * Decodes a form-encoded key or value exactly as URLSearchParams does: `+` is a space, a malformed
 * %-escape stays as written and bytes that are not UTF-8 become U+FFFD.
 */
function formDecode(text: string): string {
  const spaced = text.indexOf('+') >= 0 ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return new URLSearchParams(`v=${text}`).get('v') ?? '';
  }
}

/**
 * The host's own form of the query (`signChatAppLaunch`): each key once, in the table's order, the
 * button-only keys optional, values without `&`, a trailing `&` optional. Its groups are the raw values
 * in key order; a group left out is a key not given.
 */
const hostForm = new RegExp(
  `^${chatAppQueryKeys
    .map((key, index) => {
      const pair = `${index === 0 ? '' : '&'}${key}=([^&]*)`;
      return chatAppLaunchQuery[key].sent === 'button' ? `(?:${pair})?` : pair;
    })
    .join('')}&?$`,
);

/** The fields of a query string in the host's form; null for any other. */
function fieldsOfHostForm(text: string): LaunchFields | null {
  const match = hostForm.exec(text);
  if (match === null) return null;
  const raws = match.slice(1) as (string | undefined)[];
  const counts = noCounts.slice();
  for (let index = 0; index < counts.length; index++) if (raws[index] !== undefined) counts[index] = 1;
  return { raws, values: new Array<string | undefined>(raws.length), counts };
}

/**
 * Reads a query string the way URLSearchParams splits it (`&`, then the first `=`), keeping only the
 * launch keys. A key written encoded is decoded to be recognised; values are kept as written.
 */
function fieldsOfString(query: string): LaunchFields {
  const at = query.indexOf('?');
  const text = at >= 0 ? query.slice(at + 1) : query;
  const host = fieldsOfHostForm(text);
  if (host !== null) return host;
  const pairs = text.split('&');
  const fields = newFields();
  const { raws, counts } = fields;
  for (const pair of pairs) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const keyLength = eq < 0 ? pair.length : eq;
    let index = rawKeyOf(pair, keyLength);
    if (index < 0) {
      const key = pair.slice(0, keyLength);
      if (!needsDecoding(key)) continue;
      index = keyIndex[formDecode(key)] ?? -1;
      if (index < 0) continue;
    }
    if (counts[index] === 0) raws[index] = eq < 0 ? '' : pair.slice(eq + 1);
    counts[index]! += 1;
  }
  return fields;
}

function fieldsOfParams(params: URLSearchParams): LaunchFields {
  const fields = newFields();
  for (const [key, value] of params) addField(fields, key, value);
  return fields;
}

/** The launch fields of a query; null when an object query holds a value that is not a scalar. */
export function toFields(query: LaunchQuery): LaunchFields | null {
  if (typeof query === 'string') return fieldsOfString(query);
  if (query instanceof URLSearchParams) return fieldsOfParams(query);
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

/** The first key given more than once, in the table's order; null when none is. */
export function duplicatedKey(fields: LaunchFields): ChatAppQueryKey | null {
  const { counts } = fields;
  for (let index = 0; index < counts.length; index++) if (counts[index]! > 1) return chatAppQueryKeys[index]!;
  return null;
}

/**
 * The value of `key` as written in a query string (still form-encoded); null when it was not given or
 * the query was not a string. Lets a caller cache what it derives from a value without decoding it.
 */
export function rawFieldOf(fields: LaunchFields, key: ChatAppQueryKey): string | null {
  return fields.raws[keyIndex[key]!] ?? null;
}

/** Whether `key` was given with a non-empty value (a non-empty encoded value never decodes to ''). */
export function hasValue(fields: LaunchFields, key: ChatAppQueryKey): boolean {
  const index = keyIndex[key]!;
  return (fields.values[index] ?? fields.raws[index] ?? '') !== '';
}

/** The value of `key`, decoded; null when it was not given. */
export function fieldOf(fields: LaunchFields, key: ChatAppQueryKey): string | null {
  const index = keyIndex[key]!;
  const decoded = fields.values[index];
  if (decoded !== undefined) return decoded;
  const raw = fields.raws[index];
  if (raw === undefined) return null;
  const value = needsDecoding(raw) ? formDecode(raw) : raw;
  fields.values[index] = value;
  return value;
}
