/**
 * The emulator's Server-Sent Events as the shell reads them: `message` (`{dialogId, message}`) and
 * `traffic` (`{method, params, status, body, auth}`, one REST call). `state` carries nothing to read.
 */
import type { TrafficInput } from '../inspector/traffic-log.js';
import { type ChatMessage, readChatMessage } from './portal-state.js';
import { isObject } from './read-fields.js';

function parse(data: string, event: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new Error(`SSE ${event}: the data is not JSON`);
  }
}

/** A new chat message; throws an error naming the field when it cannot be read. */
export function readMessageEvent(data: string): ChatMessage {
  const parsed = parse(data, 'message');
  const body = isObject(parsed) && isObject(parsed.message) ? parsed.message : parsed;
  const dialogId = isObject(parsed) && typeof parsed.dialogId === 'string' ? parsed.dialogId : undefined;
  return readChatMessage(body, 'message event', dialogId);
}

/**
 * One REST call for the inspector. Errors the host returns with HTTP 200 (placement option checks)
 * get a note, because a client that looks only at the status misses them.
 */
export function readTrafficEvent(data: string): TrafficInput {
  let parsed: unknown;
  try {
    parsed = parse(data, 'traffic');
  } catch (error) {
    return {
      kind: 'rest',
      label: 'unreadable traffic event',
      source: 'SSE',
      payload: data,
      note: String(error),
    };
  }
  const o = isObject(parsed) ? parsed : {};
  const status = typeof o.status === 'number' ? o.status : 0;
  const error = isObject(o.body) && typeof o.body.error === 'string' ? o.body.error : null;
  let note: string | undefined;
  if (status >= 400) note = `HTTP ${status}${error ? ` ${error}` : ''}`;
  else if (error) note = `⚠ ${error} with HTTP ${status}: a client that checks only the status misses it`;
  return {
    kind: 'rest',
    label: `${typeof o.method === 'string' ? o.method : '?'} → ${status}`,
    source: typeof o.auth === 'string' ? `auth: ${o.auth}` : 'REST',
    payload: o.params,
    reply: o.body,
    note,
  };
}
