/**
 * The server's life after start: requests in flight, the drains other parts register (job workers), and
 * a graceful shutdown bounded in time. `createServer` counts requests with it and turns `/readyz` 503 as
 * soon as shutdown begins; `startServer` runs `shutdown` on SIGTERM/SIGINT and on `close()`.
 */

/** Finishes a part's work before the store closes; `deadline` aborts when the shutdown bound is reached. */
export type ShutdownDrain = (deadline: AbortSignal) => Promise<void>;

/** What a shutdown left undone. */
export interface ShutdownReport {
  /** Requests still running when the bound was reached (their connections were closed). */
  readonly cutOffRequests: number;
  /** Names of drains that had not finished (or failed) by the bound. */
  readonly unfinishedDrains: readonly string[];
  readonly elapsedMs: number;
}

export interface ServerLifecycle {
  /** True from the moment shutdown begins. */
  readonly shuttingDown: boolean;
  /** Requests being answered now. */
  readonly inFlight: number;
  /** Registers a drain run at shutdown, before the store closes; returns its removal. */
  onShutdown(name: string, drain: ShutdownDrain): () => void;
  /** Counts a request until the returned function is called. */
  requestStarted(): () => void;
  /**
   * Begins shutdown (once; later calls get the same report): calls `stopAccepting` with the bound, runs
   * every drain and waits for the requests in flight, all within `timeoutMs`.
   */
  shutdown(timeoutMs: number, stopAccepting: (timeoutMs: number) => Promise<void>): Promise<ShutdownReport>;
}

export function createServerLifecycle(): ServerLifecycle {
  let shuttingDown = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;
  let report: Promise<ShutdownReport> | null = null;
  const drains = new Map<string, ShutdownDrain>();

  const run = async (
    timeoutMs: number,
    stopAccepting: (timeoutMs: number) => Promise<void>,
  ): Promise<ShutdownReport> => {
    const started = Date.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const expired = new Promise<void>((resolve) =>
      deadline.signal.addEventListener('abort', () => resolve()),
    );
    const stopped = stopAccepting(timeoutMs);
    const requestsDone = new Promise<void>((resolve) => {
      idle = resolve;
      if (inFlight === 0) resolve();
    });
    const unfinished = new Set(drains.keys());
    const drained = [...drains].map(async ([name, drain]) => {
      try {
        await drain(deadline.signal);
        unfinished.delete(name);
      } catch {
        // reported as unfinished
      }
    });
    await Promise.race([Promise.all([requestsDone, ...drained]), expired]);
    const cutOffRequests = inFlight;
    clearTimeout(timer);
    deadline.abort();
    await stopped;
    return { cutOffRequests, unfinishedDrains: [...unfinished], elapsedMs: Date.now() - started };
  };

  return {
    get shuttingDown() {
      return shuttingDown;
    },
    get inFlight() {
      return inFlight;
    },
    onShutdown(name, drain) {
      if (drains.has(name)) throw new Error(`lifecycle: a drain named "${name}" is already registered`);
      drains.set(name, drain);
      return () => {
        if (drains.get(name) === drain) drains.delete(name);
      };
    },
    requestStarted() {
      inFlight += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      };
    },
    shutdown(timeoutMs, stopAccepting) {
      shuttingDown = true;
      report ??= run(timeoutMs, stopAccepting);
      return report;
    },
  };
}
