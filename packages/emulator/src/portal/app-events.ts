/**
 * Raising an app event as the host does (bitrix24/b24restdocs api-reference/events/event-bind.md,
 * offline-events.md): each online `event.bind` handler gets one form POST with `event`,
 * `event_handler_id`, `data`, `ts` and `auth` (a token of the binding's `auth_type` user, else of the
 * user who acted, plus the installation's `application_token`); each offline binding's source
 * (`auth_connector`) gets a queue record instead. No events are sent until the install is finished.
 */
import { createHash } from 'node:crypto';
import { deliverEvent, type EventDelivery } from './event-delivery.js';
import { oauthTokenBody } from './oauth-token-body.js';
import type { FormTree } from './php-form.js';
import type { EmulatorRuntime } from './runtime.js';
import type { OfflineEventRecord } from './state/portal-state.js';
import { mintToken } from './state/tokens.js';

export interface AppEvent {
  /** Upper-case event name, e.g. `ONIMBOTMESSAGEADD`. */
  readonly name: string;
  readonly data: FormTree;
  /** The user whose action raised the event (the `auth` of bindings with `auth_type` 0). */
  readonly userId: number;
  /** The `auth_connector` of the REST call that raised it: offline queues of that source skip it. */
  readonly authConnector?: string;
}

/** `ts`: Unix seconds as a string. */
export function eventTs(): string {
  return String(Math.floor(Date.now() / 1000));
}

/** ISO date with offset, as TIMESTAMP_X. */
export function hostDate(at = new Date()): string {
  return at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** A fresh token of `userId` with the OAuth server's fields and the installation's application_token. */
export function eventAuth(runtime: EmulatorRuntime, userId: number): FormTree {
  const token = mintToken(runtime.state, userId, runtime.faults.tokenTtlSeconds);
  return {
    ...(oauthTokenBody(runtime, token) as FormTree),
    application_token: runtime.state.portal.applicationToken,
  };
}

function queueOffline(runtime: EmulatorRuntime, event: AppEvent, connector: string): void {
  const state = runtime.state;
  const messageId = createHash('md5')
    .update(`${event.name}\n${JSON.stringify(event.data)}`)
    .digest('hex');
  const pending = state.offlineEvents.find(
    (record) =>
      record.messageId === messageId &&
      record.authConnector === connector &&
      record.processId === '' &&
      !record.error,
  );
  if (pending) {
    pending.timestamp = hostDate();
    return;
  }
  const record: OfflineEventRecord = {
    id: state.nextId.offlineEvent++,
    timestamp: hostDate(),
    eventName: event.name,
    eventData: event.data,
    eventAdditional: { user_id: String(event.userId) },
    messageId,
    authConnector: connector,
    processId: '',
    error: false,
  };
  state.offlineEvents.push(record);
}

/** Delivers `event` to its online handlers and queues it for its offline bindings. */
export function raiseAppEvent(runtime: EmulatorRuntime, event: AppEvent): Promise<EventDelivery[]> {
  const state = runtime.state;
  if (!state.portal.installed) return Promise.resolve([]);
  const bindings = state.eventBindings.filter((binding) => binding.event === event.name);
  const connectors = new Set(
    bindings.filter((binding) => binding.offline).map((binding) => binding.authConnector),
  );
  if (event.authConnector !== undefined && event.authConnector !== '') connectors.delete(event.authConnector);
  for (const connector of connectors) queueOffline(runtime, event, connector);
  const deliveries = bindings
    .filter((binding) => !binding.offline)
    .map((binding) =>
      deliverEvent(runtime, binding.handler, {
        event: event.name,
        event_handler_id: String(binding.id),
        data: event.data,
        ts: eventTs(),
        auth: eventAuth(runtime, binding.authType > 0 ? binding.authType : event.userId),
      }),
    );
  if (connectors.size > 0 || deliveries.length > 0) runtime.store.save();
  return Promise.all(deliveries);
}
