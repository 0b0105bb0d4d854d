/**
 * The host side of the legacy chat-app protocol (HOST-PROTOCOL.md §5): on every iframe load the host posts
 * `{"action":"init","domain":"<portal origin>","uniqueLoadId":"<digits>"}` as a JSON string to the frame's
 * origin (a new id per load), and accepts JSON-string messages only from that frame's window and origin
 * carrying the current uniqueLoadId. It never replies.
 */

import { safeEqual } from '../host/safe-equal.js';
import { isObject, type JsonObject } from '../portal/read-fields.js';

export interface LegacyFrame {
  readonly appId: number;
  readonly title: string;
  /** Origin of the signed launch URL. */
  readonly origin: string;
  readonly element: () => HTMLIFrameElement | null;
  /** The uniqueLoadId of the current load; changes on every load. */
  loadId: string;
}

export type LegacyAction =
  | { readonly action: 'send'; readonly message: string }
  | { readonly action: 'put'; readonly message: string }
  | { readonly action: 'call'; readonly number: string }
  | { readonly action: 'support'; readonly code: string }
  | { readonly action: 'openDialog'; readonly dialogId: string }
  | { readonly action: 'close' }
  | { readonly action: 'restriction'; readonly code: string }
  | { readonly action: 'helpdesk'; readonly code: string };

export type LegacyVerdict =
  | { readonly accepted: true; readonly action: LegacyAction }
  | { readonly accepted: false; readonly reason: string };

/** A fresh uniqueLoadId: 16 random digits. */
export function newLoadId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => String(b % 10))
    .join('')
    .replace(/^0/, '1');
}

export function legacyInitMessage(portalOrigin: string, loadId: string): string {
  return JSON.stringify({ action: 'init', domain: portalOrigin, uniqueLoadId: loadId });
}

function text(o: JsonObject, key: string): string {
  const value = o[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function readAction(o: JsonObject): LegacyAction | string {
  switch (o.action) {
    case 'send':
    case 'put': {
      const message = text(o, 'message');
      return message === '' ? `${o.action}: message is empty` : { action: o.action, message };
    }
    case 'call':
      return { action: 'call', number: text(o, 'number') };
    case 'support':
    case 'restriction':
    case 'helpdesk':
      return { action: o.action, code: text(o, 'code') };
    case 'openDialog': {
      const dialogId = text(o, 'dialogId');
      return dialogId === '' ? 'openDialog: dialogId is empty' : { action: 'openDialog', dialogId };
    }
    case 'close':
      return { action: 'close' };
    default:
      return `unknown action ${String(o.action).slice(0, 40)}`;
  }
}

export function judgeLegacyMessage(
  frame: LegacyFrame,
  message: { readonly origin: string; readonly data: unknown },
): LegacyVerdict {
  if (message.origin !== frame.origin) {
    return { accepted: false, reason: `origin ${message.origin} is not the app origin ${frame.origin}` };
  }
  if (typeof message.data !== 'string') return { accepted: false, reason: 'not a JSON string' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.data);
  } catch {
    return { accepted: false, reason: 'not valid JSON' };
  }
  if (!isObject(parsed)) return { accepted: false, reason: 'not a JSON object' };
  const loadId = text(parsed, 'uniqueLoadId');
  if (!safeEqual(loadId, frame.loadId))
    return { accepted: false, reason: 'uniqueLoadId is not the current one' };
  const action = readAction(parsed);
  return typeof action === 'string' ? { accepted: false, reason: action } : { accepted: true, action };
}
