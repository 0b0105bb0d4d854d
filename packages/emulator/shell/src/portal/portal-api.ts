/**
 * The emulator's private API (`/emulator/api/*`, docs/architecture.md "Emulator"), as the shell calls it.
 * Every request is bounded by a timeout; failures become `PortalApiError` naming the endpoint. The
 * answers are typed by the server's own contract (`src/private-api/contract.ts`).
 */

import type {
  ChatMessagesView,
  DevAids,
  Faults,
  FrameAnswer,
  FrameLaunch,
  LegacyLaunch,
  PrivateApiErrorBody,
  StateView,
} from '../../../src/private-api/contract.js';

export type { FrameLaunch } from '../../../src/private-api/contract.js';

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

async function request<T>(endpoint: string, body?: unknown): Promise<T> {
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PortalApiError(endpoint, response.status, 'the answer is not JSON');
  }
  if (!response.ok) {
    const refusal = json as Partial<PrivateApiErrorBody> | null;
    const detail = refusal?.error_description ?? refusal?.error ?? text;
    throw new PortalApiError(endpoint, response.status, detail.slice(0, 200));
  }
  return json as T;
}

/** `POST frame`: `{reply}` or `{silent: true}`. */
export type PortalCommandAnswer =
  | { readonly silent: true }
  | { readonly silent: false; readonly reply: unknown };

export const portalApi = {
  state(): Promise<StateView> {
    return request<StateView>('state');
  },
  async messages(dialogId: string): Promise<ChatMessagesView['messages']> {
    const answer = await request<ChatMessagesView>(`chats/${encodeURIComponent(dialogId)}/messages`);
    return answer.messages;
  },
  async switchUser(userId: number): Promise<void> {
    await request<StateView>('session', { userId });
  },
  async sendMessage(dialogId: string, text: string): Promise<void> {
    await request('messages', { dialogId, text });
  },
  launch(bindingId: number, dialogId?: string, messageId?: string): Promise<FrameLaunch> {
    return request<FrameLaunch>('launch', { bindingId, dialogId, messageId });
  },
  installLaunch(): Promise<FrameLaunch> {
    return request<FrameLaunch>('install-launch', {});
  },
  async legacyLaunch(appId: number, dialogId: string, context: 'textarea' | 'button'): Promise<string> {
    const answer = await request<LegacyLaunch>('legacy-launch', {
      appId,
      dialogId,
      context,
      isChrome: /\bChrome\//.test(navigator.userAgent),
      darkMode: window.matchMedia?.('(prefers-color-scheme: dark)').matches === true,
    });
    return answer.url;
  },
  /** `POST reset`: the portal back to its seed (and its start fault switches). */
  reset(): Promise<StateView> {
    return request<StateView>('reset', {});
  },
  /** `POST faults` with the switches to change; answers every current value. */
  setFaults(change: Partial<Faults>): Promise<Faults> {
    return request<Faults>('faults', change);
  },
  setDevAids(change: Partial<DevAids>): Promise<unknown> {
    return request<unknown>('dev-aids', change);
  },
  async frameCommand(appSid: string, method: string, params: unknown): Promise<PortalCommandAnswer> {
    const answer = await request<FrameAnswer>('frame', { appSid, method, params });
    if ('silent' in answer) return { silent: true };
    return { silent: false, reply: answer.reply };
  },
};
