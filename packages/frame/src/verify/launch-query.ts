/**
 * Reads a legacy chat-app launch query (HOST-PROTOCOL.md §5) into its fields: only the keys of the
 * launch query table (`chatAppLaunchQuery`), the first value of each and how often it was given. One
 * pass over a query string, decoding only what needs it.
 */
import { type ChatAppQueryKey, chatAppQueryKeys } from '../host-model/chat-app-query.js';

export type LaunchQuery = URLSearchParams | string | Readonly<Record<string, unknown>>;

/** Position of each launch key in the table; a null-prototype record, so any key can be looked up. */
const keyIndex: Readonly<Record<string, number>> = Object.assign(
  Object.create(null) as Record<string, number>,
  Object.fromEntries(chatAppQueryKeys.map((key, index) => [key, index])),
);

/** The launch fields of a query: the first value of each known key and how often it was given. */
export interface LaunchFields {
  readonly values: (string | undefined)[];
  readonly counts: number[];
}

function newFields(): LaunchFields {
  return {
    values: new Array<string | undefined>(chatAppQueryKeys.length),
    counts: new Array<number>(chatAppQueryKeys.length).fill(0),
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
for (const key of chatAppQueryKeys) keysByLength[key.length] = [...(keysByLength[key.length] ?? []), key];

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

/** The launch fields of a query; null when an object query holds a value that is not a scalar. */
export function toFields(query: LaunchQuery): LaunchFields | null {
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

/** The first key given more than once, in the table's order; null when none is. */
export function duplicatedKey(fields: LaunchFields): ChatAppQueryKey | null {
  const index = fields.counts.findIndex((count) => count > 1);
  return index >= 0 ? chatAppQueryKeys[index]! : null;
}

/** The value of `key`; null when it was not given. */
export function fieldOf(fields: LaunchFields, key: ChatAppQueryKey): string | null {
  return fields.values[keyIndex[key]!] ?? null;
}
