/**
 * What every route of a running emulator shares: the state store, the event hub, fault switches, the
 * rate limiter and the frames launched so far. `origin` is set once the server listens.
 */

import { type DevAids, defaultDevAids } from './dev-aids.js';
import { EventHub } from './event-hub.js';
import { defaultFaults, type Faults } from './faults.js';
import { FrameSessions } from './frame-sessions.js';
import { LeakyBucket, type RateLimit } from './leaky-bucket.js';
import { OperatingClock } from './operating-time.js';
import { PortalCounters } from './portal-stats.js';
import type { PortalStore } from './state/portal-store.js';

export interface RuntimeOptions {
  readonly store: PortalStore;
  readonly origin: string;
  readonly rateLimit: RateLimit | false;
  readonly installHandler: string | null;
  /** Fault switches at start (and after a reset); checked by the caller. */
  readonly faults?: Partial<Faults>;
  /** Development aids switched on at start (and after a reset); all off by default. */
  readonly devAids?: Partial<DevAids>;
}

export class EmulatorRuntime {
  readonly store: PortalStore;
  readonly events = new EventHub();
  readonly faults: Faults;
  readonly #initialFaults: Readonly<Faults>;
  /** Behaviour a portal lacks, each off unless switched on (see dev-aids.ts). */
  readonly devAids: DevAids;
  readonly #initialDevAids: Readonly<DevAids>;
  readonly rateLimiter: LeakyBucket | null;
  /** The host's per-method operating-time limit (always on, as on a portal). */
  readonly operating = new OperatingClock();
  readonly frames = new FrameSessions();
  /** What the portal answered (refreshes, refusals, event deliveries), for tests and benchmarks. */
  readonly stats = new PortalCounters();
  /** The app's install page; set late when it is served on an apps origin that listens on port 0. */
  installHandler: string | null;
  origin: string;

  constructor(options: RuntimeOptions) {
    this.store = options.store;
    this.origin = options.origin;
    this.installHandler = options.installHandler;
    this.#initialFaults = { ...defaultFaults, ...options.faults };
    this.faults = { ...this.#initialFaults };
    this.#initialDevAids = { ...defaultDevAids, ...options.devAids };
    this.devAids = { ...this.#initialDevAids };
    this.rateLimiter = options.rateLimit === false ? null : new LeakyBucket(options.rateLimit);
  }

  get state() {
    return this.store.state;
  }

  /** `127.0.0.1:3000`: the portal's host and port, as DOMAIN carries it. */
  get domain(): string {
    return new URL(this.origin).host;
  }

  /** Persists the state and tells the shell something changed. */
  changed(): void {
    this.store.save();
    this.events.emit('state', { at: Date.now() });
  }

  /** Changes some fault switches (already checked) and tells the shell; returns the current values. */
  setFaults(update: Partial<Faults>): Faults {
    Object.assign(this.faults, update);
    this.events.emit('state', { at: Date.now(), faults: { ...this.faults } });
    return { ...this.faults };
  }

  /** Switches development aids (already checked) and tells the shell; returns the current values. */
  setDevAids(update: Partial<DevAids>): DevAids {
    Object.assign(this.devAids, update);
    this.events.emit('state', { at: Date.now() });
    return { ...this.devAids };
  }

  /**
   * Back to the seed, the fault switches the emulator started with, no frames, an empty rate limiter and
   * zero counters.
   */
  resetAll(): void {
    this.store.reset();
    this.frames.clear();
    this.rateLimiter?.clear();
    this.operating.clear();
    this.stats.clear();
    Object.assign(this.faults, this.#initialFaults);
    Object.assign(this.devAids, this.#initialDevAids);
    this.events.emit('state', { at: Date.now(), reset: true });
  }
}
