/**
 * What every route of a running emulator shares: the state store, the event hub, fault switches, the
 * rate limiter and the frames launched so far. `origin` is set once the server listens.
 */
import { EventHub } from './event-hub.js';
import { defaultFaults, type Faults } from './faults.js';
import { FrameSessions } from './private-api/frame-sessions.js';
import { LeakyBucket, type RateLimit } from './rest/leaky-bucket.js';
import type { PortalStore } from './state/portal-store.js';

export interface RuntimeOptions {
  readonly store: PortalStore;
  readonly origin: string;
  readonly rateLimit: RateLimit | false;
  readonly installHandler: string | null;
}

export class EmulatorRuntime {
  readonly store: PortalStore;
  readonly events = new EventHub();
  readonly faults: Faults = { ...defaultFaults };
  readonly rateLimiter: LeakyBucket | null;
  readonly frames = new FrameSessions();
  readonly installHandler: string | null;
  origin: string;

  constructor(options: RuntimeOptions) {
    this.store = options.store;
    this.origin = options.origin;
    this.installHandler = options.installHandler;
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

  resetAll(): void {
    this.store.reset();
    this.frames.clear();
    this.rateLimiter?.clear();
    Object.assign(this.faults, defaultFaults);
    this.events.emit('state', { at: Date.now(), reset: true });
  }
}
