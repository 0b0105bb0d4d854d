/**
 * The emulator's Server-Sent Events as the shell reads them, typed by the server's contract
 * (`EmulatorEvents`): `message` (`{chatId, dialogId, message}`) and `traffic` (one REST call). `state`
 * carries nothing the shell needs: it reads `GET state` again.
 */
import type { EmulatorEvents, MessageEventData } from '../../../src/private-api/contract.js';
import type { TrafficInput } from '../inspector/traffic-log.js';

function parse<N extends keyof EmulatorEvents>(data: string, event: N): EmulatorEvents[N] {
  try {
    return JSON.parse(data) as EmulatorEvents[N];
  } catch {
    throw new Error(`SSE ${event}: the data is not JSON`);
  }
}

/** A new chat message; throws when the data is not JSON. */
export function readMessageEvent(data: string): MessageEventData {
  return parse(data, 'message');
}

/**
 * One REST call for the inspector. Errors the host returns with HTTP 200 (placement option checks)
 * get a note, because a client that looks only at the status misses them.
 */
export function readTrafficEvent(data: string): TrafficInput {
  let call: EmulatorEvents['traffic'];
  try {
    call = parse(data, 'traffic');
  } catch (error) {
    return {
      kind: 'rest',
      label: 'unreadable traffic event',
      source: 'SSE',
      payload: data,
      note: String(error),
    };
  }
  const error = typeof call.body.error === 'string' ? call.body.error : null;
  let note: string | undefined;
  if (call.status >= 400) note = `HTTP ${call.status}${error ? ` ${error}` : ''}`;
  else if (error)
    note = `⚠ ${error} with HTTP ${call.status}: a client that checks only the status misses it`;
  return {
    kind: 'rest',
    at: call.at,
    label: `${call.method} → ${call.status}`,
    source: `auth: ${call.auth}`,
    payload: call.params,
    reply: call.body,
    note,
  };
}
