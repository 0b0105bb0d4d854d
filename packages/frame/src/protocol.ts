/**
 * The placement frame protocol's wire format (HOST-PROTOCOL.md §4), shared by the app-side client and
 * the emulator's host side. Pure functions, no DOM.
 *
 * App → host: the string `<method>:<JSON params>:<callbackId>:<appSid>` (params left out when empty), or
 * for namespaced methods such as `im:setImTextareaContent` the object `{method, params, callback, appSid}`.
 * Host → app: the string `<callbackId>:<JSON result>`, or `<callbackId>:` for no result.
 *
 * The entry also carries the host model's tables (host-model/): the frame commands, the `getInitData`
 * reply fields, the placement launch form and the legacy chat-app launch query.
 */

export interface FrameCommand {
  readonly method: string;
  readonly params: unknown;
  readonly callback: string;
  readonly appSid: string;
}

export interface FrameReply {
  readonly callback: string;
  /** `undefined` when the host replied without a result. */
  readonly result: unknown;
}

/** Methods sent in object form: the namespaced `im:` textarea commands. */
export function isNamespacedMethod(method: string): boolean {
  return method.includes(':');
}

function hasParams(params: unknown): boolean {
  if (params === undefined || params === null) return false;
  if (typeof params === 'object' && Object.keys(params).length === 0) return false;
  return true;
}

/** Encodes an app → host command the way the host parses it. */
export function encodeCommand(command: FrameCommand): string | Record<string, unknown> {
  if (isNamespacedMethod(command.method)) {
    return {
      method: command.method,
      params: command.params ?? {},
      callback: command.callback,
      appSid: command.appSid,
    };
  }
  const head = hasParams(command.params)
    ? `${command.method}:${paramsJson(command.method, command.params)}`
    : command.method;
  return `${head}:${command.callback}:${command.appSid}`;
}

function paramsJson(method: string, params: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(params);
  } catch {
    json = undefined;
  }
  if (json === undefined)
    throw new TypeError(`encodeCommand: the params of "${method}" cannot be written as JSON`);
  return json;
}

/**
 * Decodes an app → host message; null when it is not a well-formed command. The last two `:` fields are
 * always the callback and appSid, the first is the method, and whatever lies between is JSON (which may
 * itself contain `:`).
 */
export function decodeCommand(data: unknown): FrameCommand | null {
  if (typeof data === 'object' && data !== null) {
    const o = data as Record<string, unknown>;
    if (typeof o.method !== 'string' || typeof o.appSid !== 'string') return null;
    const callback =
      typeof o.callback === 'string' || typeof o.callback === 'number' ? String(o.callback) : '';
    return { method: o.method, params: o.params ?? {}, callback, appSid: o.appSid };
  }
  if (typeof data !== 'string') return null;
  const last = data.lastIndexOf(':');
  if (last < 0) return null;
  const beforeSid = data.lastIndexOf(':', last - 1);
  if (beforeSid < 0) return null;
  const appSid = data.slice(last + 1);
  const callback = data.slice(beforeSid + 1, last);
  const head = data.slice(0, beforeSid);
  const split = head.indexOf(':');
  const method = split < 0 ? head : head.slice(0, split);
  if (method === '') return null;
  if (split < 0) return { method, params: {}, callback, appSid };
  try {
    return { method, params: JSON.parse(head.slice(split + 1)) as unknown, callback, appSid };
  } catch {
    return null;
  }
}

/** Encodes a host → app reply. */
export function encodeReply(callback: string, result?: unknown): string {
  return result === undefined ? `${callback}:` : `${callback}:${JSON.stringify(result)}`;
}

/** Decodes a host → app reply; null for anything that is not `<callback>:<JSON or nothing>`. */
export function decodeReply(data: unknown): FrameReply | null {
  if (typeof data !== 'string') return null;
  const split = data.indexOf(':');
  if (split <= 0) return null;
  const callback = data.slice(0, split);
  const body = data.slice(split + 1);
  if (body === '') return { callback, result: undefined };
  try {
    return { callback, result: JSON.parse(body) as unknown };
  } catch {
    return null;
  }
}

/** `window.name` of a placement frame: `<host[:port]>|<1|0>|<APP_SID>`. */
export interface FrameName {
  readonly domain: string;
  readonly https: boolean;
  readonly appSid: string;
  /** The portal origin messages must come from and go to. */
  readonly origin: string;
}

/**
 * Reads `window.name`; null unless it is exactly `<host[:port]>|<1|0>|<APP_SID>`. `origin` is the
 * canonical origin (lower case, default port left out) so it compares equal to `MessageEvent.origin`;
 * a host the URL parser would rewrite (`1234` → `0.0.4.210`, port 99999) is refused.
 */
export function parseFrameName(name: string): FrameName | null {
  if (typeof name !== 'string') return null;
  const parts = name.split('|');
  if (parts.length !== 3) return null;
  const [domain, protocol, appSid] = parts as [string, string, string];
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(domain)) return null;
  if (protocol !== '0' && protocol !== '1') return null;
  if (!/^[a-zA-Z0-9]{1,64}$/.test(appSid)) return null;
  const https = protocol === '1';
  let url: URL;
  try {
    url = new URL(`${https ? 'https' : 'http'}://${domain}`);
  } catch {
    return null;
  }
  const host = domain.toLowerCase();
  const defaultPort = https ? ':443' : ':80';
  if (url.host !== (host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host)) return null;
  return { domain, https, appSid, origin: url.origin };
}

export function formatFrameName(domain: string, https: boolean, appSid: string): string {
  return `${domain}|${https ? 1 : 0}|${appSid}`;
}

export * from './host-model/chat-app-query.js';
export * from './host-model/frame-commands.js';
export * from './host-model/init-data.js';
export * from './host-model/launch-form.js';
