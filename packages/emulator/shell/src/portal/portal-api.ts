/**
 * The emulator's private API (`/emulator/api/*`, docs/architecture.md "Emulator"), as the shell calls it.
 * Every request is bounded by a timeout; failures become `PortalApiError` naming the endpoint.
 */

import {
  type ChatMessage,
  type PortalFaults,
  type PortalState,
  readChatMessages,
  readFaults,
  readPortalState,
} from './portal-state.js';
import { isObject, type JsonObject, readObject, readString } from './read-fields.js';

const apiTimeoutMs = 10_000;

export class PortalApiError extends Error {
  override readonly name = 'PortalApiError';
  readonly endpoint: string;
  readonly status: number;
  constructor(endpoint: string, status: number, detail: string) {
    super(`${endpoint}: ${status === 0 ? '' : `HTTP ${status} `}${detail}`);
    this.endpoint = endpoint;
    this.status = status;
  }
}

async function request(endpoint: string, body?: unknown): Promise<unknown> {
  const init: RequestInit = { signal: AbortSignal.timeout(apiTimeoutMs) };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/emulator/api/${endpoint}`, init);
  } catch (error) {
    throw new PortalApiError(endpoint, 0, error instanceof Error ? error.message : 'network error');
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    throw new PortalApiError(endpoint, response.status, 'the answer is not JSON');
  }
  if (!response.ok) {
    const detail = isObject(json) ? String(json.error_description ?? json.error ?? text) : text;
    throw new PortalApiError(endpoint, response.status, detail.slice(0, 200));
  }
  return json;
}

/** What `launch` / `install-launch` return: how to submit the host's form POST into a named iframe. */
export interface FrameLaunch {
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly frameName: string;
  readonly appSid: string;
}

function readLaunch(value: unknown, endpoint: string): FrameLaunch {
  const o = readObject(value, endpoint);
  const fieldsIn = readObject(o.fields, `${endpoint}.fields`);
  const fields: Record<string, string> = {};
  for (const [key, v] of Object.entries(fieldsIn)) {
    if (v === undefined || v === null) continue;
    fields[key] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return {
    action: readString(o, 'action', endpoint),
    fields,
    frameName: readString(o, 'frameName', endpoint),
    appSid: readString(o, 'appSid', endpoint),
  };
}

/** `POST frame`: `{reply}` or `{silent: true}`. */
export type PortalCommandAnswer =
  | { readonly silent: true }
  | { readonly silent: false; readonly reply: unknown };

export const portalApi = {
  async state(): Promise<PortalState> {
    return readPortalState(await request('state'));
  },
  async messages(dialogId: string): Promise<ChatMessage[]> {
    return readChatMessages(await request(`chats/${encodeURIComponent(dialogId)}/messages`), dialogId);
  },
  async switchUser(userId: number): Promise<void> {
    await request('session', { userId });
  },
  async sendMessage(dialogId: string, text: string): Promise<void> {
    await request('messages', { dialogId, text });
  },
  async launch(bindingId: number, dialogId?: string, messageId?: string): Promise<FrameLaunch> {
    return readLaunch(await request('launch', { bindingId, dialogId, messageId }), 'launch');
  },
  async installLaunch(): Promise<FrameLaunch> {
    return readLaunch(await request('install-launch', {}), 'install-launch');
  },
  async legacyLaunch(appId: number, dialogId: string, context: 'textarea' | 'button'): Promise<string> {
    const o: JsonObject = readObject(
      await request('legacy-launch', { appId, dialogId, context }),
      'legacy-launch',
    );
    return readString(o, 'url', 'legacy-launch');
  },
  /** `POST reset`: the portal back to its seed (and its start fault switches). */
  async reset(): Promise<PortalState> {
    return readPortalState(await request('reset', {}));
  },
  /** `POST faults` with the switches to change; answers every current value. */
  async setFaults(change: Partial<PortalFaults>): Promise<PortalFaults> {
    return readFaults(await request('faults', change), 'faults');
  },
  async frameCommand(appSid: string, method: string, params: unknown): Promise<PortalCommandAnswer> {
    const o = readObject(await request('frame', { appSid, method, params }), 'frame');
    if (o.silent === true) return { silent: true };
    return { silent: false, reply: o.reply };
  },
};
