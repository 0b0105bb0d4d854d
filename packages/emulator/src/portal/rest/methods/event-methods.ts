/**
 * `event.bind`, `event.unbind`, `event.get` and the offline queue: `event.offline.get`, `.clear`,
 * `.error`, `.list` (bitrix24/b24restdocs api-reference/events/*.md). All work only with an application
 * token; offline bindings and the queue need an administrator. Parameter names are read in either case.
 */
import { MethodError } from '../../method-error.js';
import {
  type OfflineField,
  OfflineQueryError,
  offlineEventListView,
  offlineEventView,
  offlineFilter,
  offlineOrder,
} from '../../state/offline-queue.js';
import type { OfflineEventRecord, PortalEventBinding } from '../../state/portal-state.js';
import { randomHex32 } from '../../state/tokens.js';
import { requireApplication, requireApplicationAdmin } from '../application-auth.js';
import { ListResult } from '../list-result.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { paramInt, paramString } from '../param-readers.js';
import { isTree } from '../php-params.js';

/** The events the emulator raises (the host knows many more; binding another is refused here). */
export const emulatedEvents = ['ONAPPINSTALL', 'ONAPPUNINSTALL', 'ONIMBOTMESSAGEADD'] as const;

function param(call: MethodCall, name: string): unknown {
  return call.params[name] ?? call.params[name.toUpperCase()];
}

function present(call: MethodCall, name: string): boolean {
  return param(call, name) !== undefined;
}

function argumentError(name: string, description: string): MethodError {
  return new MethodError(400, 'ERROR_ARGUMENT', description, { argument: name });
}

function eventName(call: MethodCall, required: boolean): string | null {
  const name = paramString(param(call, 'event')).trim().toUpperCase();
  if (name === '' && !required) return null;
  if (!(emulatedEvents as readonly string[]).includes(name))
    throw new MethodError(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
  return name;
}

function isOffline(call: MethodCall): boolean {
  const type = paramString(param(call, 'event_type')).trim().toLowerCase();
  if (type !== '' && type !== 'online' && type !== 'offline')
    throw argumentError('event_type', "Argument 'event_type' must be online or offline");
  return type === 'offline';
}

/** The documented 403 when `needsAdmin` and the caller is not an administrator. */
function adminOnly(call: MethodCall, needsAdmin: boolean, description: string): void {
  if (needsAdmin && !call.auth.user.isAdmin) throw new MethodError(403, 'ACCESS_DENIED', description);
}

function bind(call: MethodCall): true {
  requireApplication(call);
  const user = call.auth.user;
  const event = eventName(call, true)!;
  const offline = isOffline(call);
  adminOnly(call, offline, 'Access denied! Offline events binding requires administrator access rights');
  const requestedAuthType = present(call, 'auth_type') ? paramInt(param(call, 'auth_type')) : 0;
  adminOnly(
    call,
    requestedAuthType !== 0 && requestedAuthType !== user.id,
    'Access denied! Event binding with AUTH_TYPE requires administrator access rights',
  );
  let handler = '';
  if (!offline) {
    handler = paramString(param(call, 'handler')).trim();
    if (handler === '') throw argumentError('HANDLER', "Argument 'HANDLER' is null or empty");
    if (!/^https?:\/\/[^/\s]+/i.test(handler))
      throw argumentError('HANDLER', "Argument 'HANDLER' must be an absolute http(s) URL");
  }
  const options = param(call, 'options');
  const binding: PortalEventBinding = {
    id: call.runtime.state.nextId.eventBinding,
    event,
    handler,
    // A user without admin rights binds on their own behalf (event-bind.md).
    authType: user.isAdmin ? requestedAuthType : user.id,
    offline,
    authConnector: paramString(param(call, 'auth_connector')),
    options: isTree(options) ? options : {},
  };
  const state = call.runtime.state;
  const same = state.eventBindings.some(
    (b) =>
      b.event === binding.event &&
      b.handler === binding.handler &&
      b.authType === binding.authType &&
      b.offline === binding.offline &&
      b.authConnector === binding.authConnector,
  );
  if (same) throw new MethodError(400, 'ERROR_CORE', 'Handler already binded');
  state.nextId.eventBinding++;
  state.eventBindings.push(binding);
  call.runtime.changed();
  return true;
}

function unbind(call: MethodCall): { count: number } {
  requireApplication(call);
  const user = call.auth.user;
  const event = eventName(call, false);
  const offline = isOffline(call);
  adminOnly(call, offline, 'Access denied! Offline events unbinding requires administrator access rights');
  const authType = present(call, 'auth_type') ? paramInt(param(call, 'auth_type')) : null;
  adminOnly(
    call,
    authType !== null && authType !== 0 && authType !== user.id,
    'Access denied! Event unbinding with AUTH_TYPE requires administrator access rights',
  );
  const handler = paramString(param(call, 'handler')).trim();
  const state = call.runtime.state;
  const removed = (b: PortalEventBinding) =>
    b.offline === offline &&
    (event === null || b.event === event) &&
    (handler === '' || b.handler === handler) &&
    (user.isAdmin ? authType === null || b.authType === authType : b.authType === user.id);
  const keep = state.eventBindings.filter((b) => !removed(b));
  const count = state.eventBindings.length - keep.length;
  if (count > 0) {
    state.eventBindings.splice(0, state.eventBindings.length, ...keep);
    call.runtime.changed();
  }
  return { count };
}

function get(call: MethodCall): unknown[] {
  requireApplication(call);
  const user = call.auth.user;
  return call.runtime.state.eventBindings
    .filter((b) => user.isAdmin || (!b.offline && b.authType === user.id))
    .map((b) => ({
      event: b.event,
      handler: b.handler,
      auth_type: String(b.authType),
      offline: b.offline ? 1 : 0,
    }));
}

const getFields: readonly OfflineField[] = ['ID', 'TIMESTAMP_X', 'EVENT_NAME', 'MESSAGE_ID'];
const listFields: readonly OfflineField[] = [...getFields, 'PROCESS_ID', 'ERROR'];

function queryOf<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OfflineQueryError) throw argumentError(error.argument, error.message);
    throw error;
  }
}

function offlineGet(call: MethodCall): { process_id: string | null; events: unknown[] } {
  requireApplicationAdmin(call);
  const state = call.runtime.state;
  const processId = paramString(param(call, 'process_id')).trim();
  const clear = present(call, 'clear') ? paramInt(param(call, 'clear')) !== 0 : true;
  const withErrors = paramInt(param(call, 'error')) === 1;
  const limitText = param(call, 'limit');
  const limit = limitText === undefined ? 50 : paramInt(limitText);
  if (limit < 1) throw argumentError('limit', "Argument 'limit' must be a positive integer");
  const connector = paramString(param(call, 'auth_connector'));
  const matches = queryOf(() => offlineFilter(param(call, 'filter'), getFields));
  const order = queryOf(() => offlineOrder(param(call, 'order'), getFields, 'TIMESTAMP_X'));
  // Records another process reserved are hidden; this process_id sees its own again (multithreaded parsing).
  const taken = state.offlineEvents
    .filter(
      (r) =>
        r.authConnector === connector &&
        (r.processId === '' || (processId !== '' && r.processId === processId)) &&
        (withErrors || !r.error) &&
        matches(r),
    )
    .sort(order)
    .slice(0, limit);
  let answeredProcessId: string | null = null;
  if (clear) {
    const ids = new Set(taken.map((r) => r.id));
    const keep = state.offlineEvents.filter((r) => !ids.has(r.id));
    state.offlineEvents.splice(0, state.offlineEvents.length, ...keep);
  } else {
    answeredProcessId = processId === '' ? randomHex32() : processId;
    for (const record of taken) record.processId = answeredProcessId;
  }
  if (taken.length > 0) call.runtime.store.save();
  return { process_id: answeredProcessId, events: taken.map(offlineEventView) };
}

function stringList(value: unknown): string[] | null {
  if (value === undefined || value === null || value === '') return null;
  const items = Array.isArray(value) ? value : isTree(value) ? Object.values(value) : [value];
  return items.map(paramString);
}

/** The records of `process_id` picked by `id`, else by `message_id`, else all of them. */
function reserved(call: MethodCall, byId: boolean): OfflineEventRecord[] {
  const processId = paramString(param(call, 'process_id')).trim();
  if (processId === '') throw argumentError('process_id', "Argument 'process_id' is null or empty");
  const ids = byId ? stringList(param(call, 'id')) : null;
  const messageIds = stringList(param(call, 'message_id'));
  return call.runtime.state.offlineEvents.filter(
    (r) =>
      r.processId === processId &&
      (ids !== null ? ids.includes(String(r.id)) : messageIds === null || messageIds.includes(r.messageId)),
  );
}

function offlineClear(call: MethodCall): true {
  requireApplicationAdmin(call);
  const cleared = new Set(reserved(call, true).map((r) => r.id));
  const state = call.runtime.state;
  if (cleared.size > 0) {
    const keep = state.offlineEvents.filter((r) => !cleared.has(r.id));
    state.offlineEvents.splice(0, state.offlineEvents.length, ...keep);
    call.runtime.store.save();
  }
  return true;
}

/** Marks records as erroneous: released from the process, selected again only with `error=1`. */
function offlineError(call: MethodCall): true {
  requireApplicationAdmin(call);
  const records = reserved(call, false);
  for (const record of records) {
    record.error = true;
    record.processId = '';
  }
  if (records.length > 0) call.runtime.store.save();
  return true;
}

const pageSize = 50;

function offlineList(call: MethodCall): ListResult {
  requireApplicationAdmin(call);
  const connector = paramString(param(call, 'auth_connector'));
  const matches = queryOf(() => offlineFilter(param(call, 'filter'), listFields));
  const order = queryOf(() => offlineOrder(param(call, 'order'), listFields, 'ID'));
  const all = call.runtime.state.offlineEvents
    .filter((r) => r.authConnector === connector && matches(r))
    .sort(order);
  const start = Math.max(0, paramInt(param(call, 'start')));
  const next = start + pageSize < all.length ? start + pageSize : null;
  return new ListResult(all.slice(start, start + pageSize).map(offlineEventListView), all.length, next);
}

export const eventMethods: MethodTable = {
  'event.bind': { scope: null, run: bind },
  'event.unbind': { scope: null, run: unbind },
  'event.get': { scope: null, run: get },
  'event.offline.get': { scope: null, run: offlineGet },
  'event.offline.clear': { scope: null, run: offlineClear },
  'event.offline.error': { scope: null, run: offlineError },
  'event.offline.list': { scope: null, run: offlineList },
};
