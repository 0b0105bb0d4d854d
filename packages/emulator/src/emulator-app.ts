/** The emulator's Hono app on one origin: REST, OAuth, the shell's private API and the shell itself. */
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { shellRoutes } from './hosting/shell-hosting.js';
import { type DevAids, requireDevAids } from './portal/dev-aids.js';
import { type Faults, requireFaults } from './portal/faults.js';
import { defaultRateLimit, type RateLimit } from './portal/leaky-bucket.js';
import { oauthRoutes } from './portal/rest/oauth-routes.js';
import { restRoutes } from './portal/rest/rest-routes.js';
import { EmulatorRuntime } from './portal/runtime.js';
import { PortalStore } from './portal/state/portal-store.js';
import { privateRoutes } from './private-api/private-routes.js';

/** `.emulator-state/portal.json` in the repository root (git-ignored). */
export const defaultStateFile = fileURLToPath(
  new URL('../../../.emulator-state/portal.json', import.meta.url),
);

export interface PortalOptions {
  /** Where the state persists; null keeps it in memory. Default `.emulator-state/portal.json`. */
  readonly stateFile?: string | null;
  /** Start from the seed, ignoring a persisted state. */
  readonly fresh?: boolean;
  /** Seed fixture path; default `packages/emulator/seed/portal.json`. */
  readonly seed?: string;
  /** Leaky bucket per application user / webhook; default 2/s, burst 50; false disables it. */
  readonly rateLimit?: RateLimit | false;
  /** Whether a seeded portal has the app's install finished; default true. */
  readonly installed?: boolean;
  /** URL of the app's install page (for `POST /emulator/api/install-launch`). */
  readonly installHandler?: string;
  /**
   * Fault switches from the start (and after a reset): added latency per REST call, the next N REST
   * calls answered 503 QUERY_LIMIT_EXCEEDED, the lifetime of new tokens. Default 0, 0, 3600.
   */
  readonly faults?: Partial<Faults>;
  /** Behaviour a portal lacks, switched on for this emulator (all off by default). */
  readonly devAids?: Partial<DevAids>;
  /** Serve the shell at `/`; default true. */
  readonly shell?: boolean;
}

export interface EmulatorApp {
  readonly app: Hono;
  readonly runtime: EmulatorRuntime;
}

export function createEmulatorApp(
  options: PortalOptions = {},
  origin = 'http://127.0.0.1:3000',
): EmulatorApp {
  if (options.installHandler !== undefined) {
    try {
      new URL(options.installHandler);
    } catch {
      throw new TypeError(`installHandler: "${options.installHandler}" is not an absolute URL`);
    }
  }
  const store = new PortalStore({
    stateFile: options.stateFile === undefined ? defaultStateFile : options.stateFile,
    fresh: options.fresh ?? false,
    seedPath: options.seed,
    installed: options.installed ?? true,
  });
  const runtime = new EmulatorRuntime({
    store,
    origin,
    rateLimit: options.rateLimit ?? defaultRateLimit,
    installHandler: options.installHandler ?? null,
    ...(options.faults === undefined ? {} : { faults: requireFaults(options.faults, 'faults') }),
    ...(options.devAids === undefined ? {} : { devAids: requireDevAids(options.devAids, 'devAids') }),
  });
  const app = new Hono();
  app.route('/rest', restRoutes(runtime));
  app.route('/oauth', oauthRoutes(runtime));
  app.route('/emulator/api', privateRoutes(runtime));
  if (options.shell !== false) app.route('/', shellRoutes());
  return { app, runtime };
}
