/**
 * Installing and uninstalling the emulated app as the host does (bitrix24/b24restdocs
 * api-reference/common/events/on-app-install.md, on-app-uninstall.md, settings/app-installation/
 * local-apps/installation-callback.md). Install: a new `application_token` for the installation's life,
 * a token pair of the installing admin, and one ONAPPINSTALL form POST to the app's install handler.
 * Uninstall: ONAPPUNINSTALL (`data[LANGUAGE_ID]`, `data[CLEAN]`, an `auth` without tokens) to every online
 * ONAPPUNINSTALL handler, after the app's tokens are revoked and its placements, chat apps, event bindings
 * and offline queue removed. Neither delivery is retried.
 */
import { eventAuth, eventTs } from './app-events.js';
import { deliverEvent, type EventDelivery } from './event-delivery.js';
import type { EmulatorRuntime } from './runtime.js';
import { randomHex32 } from './state/tokens.js';

export class AppLifecycleError extends Error {
  override readonly name = 'AppLifecycleError';
  constructor(
    readonly code: 'ALREADY_INSTALLED' | 'NOT_INSTALLED' | 'BAD_FIELD',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface AppInstallRequest {
  /** The app's install handler; https, or http on 127.0.0.1 / localhost. */
  readonly handlerUrl: string;
}

export interface AppUninstallRequest {
  /** The "Clear application data" choice, sent as `data[CLEAN]` 1 or 0; default false. */
  readonly clean?: boolean;
}

/** What `app.uninstall` posted: one delivery per online ONAPPUNINSTALL handler. */
export interface AppUninstall {
  readonly deliveries: readonly EventDelivery[];
}

const appVersion = '1';

/** `value` as an absolute https URL, or http on a loopback host; else a BAD_FIELD error naming `field`. */
export function checkHandlerUrl(value: unknown, field: string): string {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value) : null;
  } catch {
    url = null;
  }
  const loopback = url !== null && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url === null || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)))
    throw new AppLifecycleError(
      'BAD_FIELD',
      `${field} must be an absolute https URL, or http on 127.0.0.1 or localhost`,
      field,
    );
  return url.href;
}

function installingAdmin(runtime: EmulatorRuntime): number {
  const admin = runtime.state.users.find((user) => user.isAdmin && !user.isExtranet && !user.isBot);
  if (admin === undefined) throw new AppLifecycleError('NOT_INSTALLED', 'the portal has no administrator');
  return admin.id;
}

export async function installApp(
  runtime: EmulatorRuntime,
  request: AppInstallRequest,
): Promise<EventDelivery> {
  const handlerUrl = checkHandlerUrl(request.handlerUrl, 'handlerUrl');
  const state = runtime.state;
  if (state.installation !== null)
    throw new AppLifecycleError('ALREADY_INSTALLED', 'the app is installed; uninstall it first');
  const adminId = installingAdmin(runtime);
  state.portal.applicationToken = randomHex32();
  state.portal.installed = true;
  state.installation = { handlerUrl, installedAt: Date.now() };
  const payload = {
    event: 'ONAPPINSTALL',
    data: { VERSION: appVersion, ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: state.portal.lang },
    ts: eventTs(),
    auth: eventAuth(runtime, adminId),
  };
  runtime.changed();
  return deliverEvent(runtime, handlerUrl, payload);
}

export async function uninstallApp(
  runtime: EmulatorRuntime,
  request: AppUninstallRequest = {},
): Promise<AppUninstall> {
  const state = runtime.state;
  if (!state.portal.installed && state.installation === null)
    throw new AppLifecycleError('NOT_INSTALLED', 'the app is not installed');
  const portal = state.portal;
  const auth = {
    domain: runtime.domain,
    server_endpoint: `${runtime.origin}/oauth/rest/`,
    client_endpoint: `${runtime.origin}/rest/`,
    member_id: portal.memberId,
    application_token: portal.applicationToken,
  };
  const data = { LANGUAGE_ID: portal.lang, CLEAN: request.clean === true ? 1 : 0 };
  const handlers = state.eventBindings.filter((b) => b.event === 'ONAPPUNINSTALL' && !b.offline);
  // Revoked before the handlers hear of it: a handler that calls back finds the tokens gone, as on a portal.
  for (const list of [
    state.tokens,
    state.bindings,
    state.legacyApps,
    state.eventBindings,
    state.offlineEvents,
  ])
    list.splice(0, list.length);
  runtime.frames.clear();
  portal.installed = false;
  state.installation = null;
  runtime.changed();
  const ts = eventTs();
  const deliveries = await Promise.all(
    handlers.map((binding) =>
      deliverEvent(runtime, binding.handler, {
        event: 'ONAPPUNINSTALL',
        event_handler_id: String(binding.id),
        data,
        ts,
        auth,
      }),
    ),
  );
  return { deliveries };
}
