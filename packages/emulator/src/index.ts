/**
 * `@imkit/emulator`: an emulated Bitrix24 portal for local development and tests — state, REST API,
 * OAuth, the shell's private API, the shell, and optionally built apps on a second origin.
 */
import { type ListeningServer, listenServer } from '@imkit/server/hosting';
import { createEmulatorApp, type PortalOptions } from './emulator-app.js';
import { appHostingRoutes, type ServeAppsOptions } from './hosting/app-hosting.js';
import { ensureShellBuilt } from './hosting/shell-hosting.js';
import {
  type AppInstallRequest,
  type AppUninstall,
  type AppUninstallRequest,
  installApp,
  uninstallApp,
} from './portal/app-lifecycle.js';
import { type ApplicationToken, issueApplicationToken } from './portal/application-token.js';
import { type DevAids, requireDevAids } from './portal/dev-aids.js';
import type { EventDelivery } from './portal/event-delivery.js';
import { type Faults, requireFaults } from './portal/faults.js';
import type { PortalStats } from './portal/portal-stats.js';
import type { EmulatorRuntime } from './portal/runtime.js';
import type { PortalState, Scope } from './portal/state/portal-state.js';

export { createEmulatorApp, defaultStateFile, type PortalOptions } from './emulator-app.js';
export type { ServeAppsOptions } from './hosting/app-hosting.js';
export {
  type AppInstallRequest,
  AppLifecycleError,
  type AppUninstall,
  type AppUninstallRequest,
} from './portal/app-lifecycle.js';
export type { ApplicationToken } from './portal/application-token.js';
export type { DevAids } from './portal/dev-aids.js';
export type { EventDelivery } from './portal/event-delivery.js';
export type { Faults } from './portal/faults.js';
export type { RateLimit } from './portal/leaky-bucket.js';
export type { DeliveryStatus, EventDeliveryCount, PortalStats } from './portal/portal-stats.js';
export type { EmulatorRuntime } from './portal/runtime.js';
export type * from './portal/state/portal-state.js';

export interface EmulatorOptions extends PortalOptions {
  /** Port of the portal; 0 picks a free one. Default 3000. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Serve built apps on a separate origin. */
  readonly serveApps?: ServeAppsOptions;
}

/** The emulated app's lifecycle, as the host drives it. */
export interface EmulatedApp {
  /**
   * Installs the app: a new application_token, tokens of the admin, one ONAPPINSTALL form POST to
   * `handlerUrl` (not retried). Resolves with what was posted and the handler's status (or `failed`).
   * An AppLifecycleError when already installed or the URL is not https / http on loopback.
   */
  install(request: AppInstallRequest): Promise<EventDelivery>;
  /**
   * Uninstalls it: revokes its tokens, removes its placements, chat apps, event bindings and offline
   * queue, then posts ONAPPUNINSTALL to each online ONAPPUNINSTALL handler.
   */
  uninstall(request?: AppUninstallRequest): Promise<AppUninstall>;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:3000/` */
  readonly url: string;
  /** `http://127.0.0.1:3000` */
  readonly origin: string;
  /** `127.0.0.1:3000` — what DOMAIN carries. */
  readonly domain: string;
  /** `http://127.0.0.1:<port>/` when `serveApps` is given. */
  readonly appsUrl?: string;
  /** Mints an application (OAuth) token for a user (default the admin, user 1). */
  applicationToken(userId?: number, scopes?: readonly Scope[]): ApplicationToken;
  /** The inbound webhook base URL of a user (`…/rest/<userId>/<code>/`); throws when the user has none. */
  webhookUrl(userId?: number): string;
  /**
   * Changes some fault switches (`latencyMs`, `fail503Count`, `tokenTtlSeconds`, `operatingMsPerCall`), as the shell's Faults
   * panel does; returns the current values. A bad value is a TypeError naming the field.
   */
  setFaults(faults: Partial<Faults>): Faults;
  /** Switches development aids (behaviour a portal lacks, all off by default); returns every value. */
  setDevAids(devAids: Partial<DevAids>): DevAids;
  readonly app: EmulatedApp;
  /** Counters since the start or the last reset: OAuth refreshes, REST refusals, event deliveries. */
  stats(): PortalStats;
  /** The live portal state (read it in tests; change it only through REST or the private API). */
  readonly state: PortalState;
  readonly runtime: EmulatorRuntime;
  /** Back to the seed. */
  reset(): void;
  close(): Promise<void>;
}

function originOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/** `serveApps.installPage`, checked before anything listens. */
function installPageOf(options: EmulatorOptions): string | null {
  const page = options.serveApps?.installPage;
  if (page === undefined) return null;
  if (!Object.hasOwn(options.serveApps?.dirs ?? {}, page))
    throw new TypeError(`serveApps.installPage: "${page}" is not a key of serveApps.dirs`);
  if (options.installHandler !== undefined)
    throw new TypeError('serveApps.installPage: give installHandler or serveApps.installPage, not both');
  return page;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const installPage = installPageOf(options);
  if (options.shell !== false) await ensureShellBuilt();
  const { app, runtime } = createEmulatorApp(options);
  const portal = await listenServer(app, { host, port: options.port ?? 3000 });
  runtime.origin = originOf(host, portal.port);
  let apps: ListeningServer | null = null;
  if (options.serveApps) {
    try {
      apps = await listenServer(
        appHostingRoutes(options.serveApps, () => runtime.origin),
        {
          host,
          port: options.serveApps.port ?? 0,
        },
      );
    } catch (error) {
      await portal.close(0);
      throw error;
    }
  }
  const origin = runtime.origin;
  const appsUrl = apps ? `${originOf(host, apps.port)}/` : undefined;
  if (appsUrl !== undefined && installPage !== null)
    runtime.installHandler = new URL(`${installPage.replace(/^\/+|\/+$/g, '')}/`, appsUrl).href;
  return {
    url: `${origin}/`,
    origin,
    domain: runtime.domain,
    ...(appsUrl === undefined ? {} : { appsUrl }),
    applicationToken: (userId = 1, scopes) => issueApplicationToken(runtime, userId, scopes),
    webhookUrl: (userId = 1) => {
      const hook = runtime.state.webhooks.find((h) => h.userId === userId);
      if (hook === undefined) throw new Error(`webhookUrl: user ${userId} has no webhook in the seed`);
      return `${origin}/rest/${hook.userId}/${hook.code}/`;
    },
    setFaults: (faults) => runtime.setFaults(requireFaults(faults, 'setFaults')),
    setDevAids: (devAids) => runtime.setDevAids(requireDevAids(devAids, 'setDevAids')),
    app: {
      install: (request) => installApp(runtime, request),
      uninstall: (request) => uninstallApp(runtime, request),
    },
    stats: () => runtime.stats.snapshot(),
    get state() {
      return runtime.state;
    },
    runtime,
    reset: () => runtime.resetAll(),
    close: async () => {
      // At once: the shell's SSE streams would hold a graceful close open.
      await Promise.all([portal.close(0), apps?.close(0)]);
    },
  };
}
