/**
 * Durable install jobs on pg-boss (PostgreSQL, or the embedded PGlite through the same driver):
 * - `apply-placements` {memberId, epoch}: the installer's plan/apply with the installation's tokens, then
 *   `event.bind` (offline) for every app event handler. A re-run is a no-op because the plan is; a job
 *   whose installation went is dropped; one whose epoch moved on (rotation, reinstall) runs on the current one.
 * - `uninstall-cleanup` {memberId, domain, key}: the app's ONAPPUNINSTALL handlers, the member's receipts.
 * - `app-event` {event}: one offline event for the app's handlers.
 * Every job is enqueued in the transaction that records its event receipt, so an event is enqueued once.
 * A failing job is retried with exponential back-off (`retryDelaySeconds` · 2^n, jittered) up to
 * `retryLimit`; a job whose process died is failed after `expireInSeconds` and retried by another process.
 */
import { RestError } from '@imkit/frame';
import type { DeclarationInput } from '@imkit/installer';
import { applyPlacements } from '@imkit/installer';
import type PgBoss from 'pg-boss';
import type { InstallationStore } from '../store/installation.js';
import { type AppEvent, type AppEventHandler, AppEventHandlers } from './app-events.js';
import { forgetEventReceipts, hasEventReceipt, recordEventReceipt } from './event-receipts.js';
import type { InstallationRestFactory } from './installation-rest.js';
import { bossDatabaseOf, startJobBoss } from './job-boss.js';
import { drainOfflineEvents, type OfflineDrainLimits } from './offline-events.js';

export const jobQueues = {
  apply: 'imkit-apply-placements',
  cleanup: 'imkit-uninstall-cleanup',
  appEvent: 'imkit-app-event',
} as const;

export interface ApplyPlacementsJob {
  readonly memberId: string;
  readonly epoch: number;
}
export interface UninstallCleanupJob {
  readonly memberId: string;
  readonly domain: string;
  readonly key: string;
}
export interface AppEventJob {
  readonly event: AppEvent;
}

export interface InstallJobsOptions {
  /** The installations; the jobs live in its database (`store.sql`), PostgreSQL or PGlite. */
  readonly store: InstallationStore;
  /** The REST caller for an installation (`portalRestFactory(createPortalClients(...))`). */
  readonly restFor: InstallationRestFactory;
  /** The apps' placement declarations (`loadDeclarations(appsDir)`), read when a job runs. */
  readonly declarations: () => Promise<readonly DeclarationInput[]>;
  /** The handler base URL the declarations' handler paths resolve against. */
  readonly handlerBase: string;
  /** Retries after the first attempt. Default 8. */
  readonly retryLimit?: number;
  /** First retry delay in seconds, doubling (jittered). Default 5. */
  readonly retryDelaySeconds?: number;
  /** An active job older than this is taken as its process having died and retried. Default 120. */
  readonly expireInSeconds?: number;
  /** How often expired jobs are looked for. Default 30. */
  readonly maintenanceIntervalSeconds?: number;
  /** How often a worker polls. Default 2. */
  readonly pollingIntervalSeconds?: number;
  /** Offline-event drain: every `intervalSeconds` (0: only on start). Default 60 s, 50 a page, 20 pages. */
  readonly offlineDrain?: Partial<OfflineDrainLimits> & { readonly intervalSeconds?: number };
  /** Whether this process runs workers (false: it only enqueues). Default true. */
  readonly work?: boolean;
  readonly log?: (line: string) => void;
}

export interface StopOptions {
  /** Wait for running jobs (true) or drop them to their expiry (false). Default true. */
  readonly graceful?: boolean;
  /** Bound on the wait. Default 10000 ms. */
  readonly timeoutMs?: number;
}

export interface InstallJobs {
  /** Registers the app's handler for an event name; call before `start`. Bound offline on apply. */
  onEvent<Name extends string>(name: Name, handler: AppEventHandler<Name>): void;
  /** Creates the queues, starts the workers and the offline drain (one drain right away). */
  start(): Promise<void>;
  /** True when the event with this identity was already received (a replay). */
  seen(key: string): Promise<boolean>;
  /** Enqueues applying the placements; false when `key` was received before (nothing enqueued). */
  enqueueApply(job: ApplyPlacementsJob, key: string): Promise<boolean>;
  /** Enqueues the uninstall clean-up; false when `key` was received before (nothing enqueued). */
  enqueueCleanup(job: Omit<UninstallCleanupJob, 'key'>, key: string): Promise<boolean>;
  /** Drains every installation's offline events once; the number of records enqueued now. */
  drainOfflineEvents(): Promise<number>;
  /** The pg-boss instance (inspecting jobs in tests and tools). */
  readonly boss: PgBoss;
  stop(options?: StopOptions): Promise<void>;
}

function positive(name: string, value: number | undefined, fallback: number, min = 0): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved < min) {
    throw new TypeError(`jobs: ${name} must be a number ≥ ${min}, got ${String(value)}`);
  }
  return resolved;
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : error instanceof Error
      ? error.name
      : 'ERROR';

/**
 * The host's answer to binding what is bound already (the same event, handler, auth_type, event_type and
 * auth_connector): 400 `ERROR_CORE` "Handler already binded", as the emulator's `event.bind` answers.
 */
const isAlreadyBound = (error: unknown): boolean =>
  error instanceof RestError && error.code === 'ERROR_CORE' && error.description === 'Handler already binded';

export async function createInstallJobs(options: InstallJobsOptions): Promise<InstallJobs> {
  const { store, restFor } = options;
  const db = store.sql;
  const log = options.log ?? ((line: string) => console.log(line));
  const retryLimit = positive('retryLimit', options.retryLimit, 8);
  const retryDelay = positive('retryDelaySeconds', options.retryDelaySeconds, 5, 1);
  const expireInSeconds = positive('expireInSeconds', options.expireInSeconds, 120, 1);
  const drainEvery = positive('offlineDrain.intervalSeconds', options.offlineDrain?.intervalSeconds, 60);
  const limits: OfflineDrainLimits = {
    pageSize: Math.min(50, positive('offlineDrain.pageSize', options.offlineDrain?.pageSize, 50, 1)),
    maxPages: positive('offlineDrain.maxPages', options.offlineDrain?.maxPages, 20, 1),
  };
  const handlers = new AppEventHandlers();
  const boss = await startJobBoss(
    db,
    {
      maintenanceIntervalSeconds: positive(
        'maintenanceIntervalSeconds',
        options.maintenanceIntervalSeconds,
        30,
        1,
      ),
      pollingIntervalSeconds: positive('pollingIntervalSeconds', options.pollingIntervalSeconds, 2, 0.5),
    },
    log,
  );
  const queueOptions = { retryLimit, retryDelay, retryBackoff: true, expireInSeconds };
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };

  /** Records `key` and sends the job in one transaction: both or neither. */
  const enqueue = (queue: string, data: object, key: string, memberId: string): Promise<boolean> =>
    db.transaction(async (tx) => {
      if (!(await recordEventReceipt(tx, key, memberId))) return false;
      const id = await boss.send(queue, data, { db: bossDatabaseOf(tx) });
      if (id === null) throw new Error(`jobs: ${queue} was not enqueued`);
      return true;
    });

  async function applyJob({ memberId, epoch }: ApplyPlacementsJob): Promise<void> {
    const installation = await store.findByMemberId(memberId);
    // Only an uninstall makes the job pointless. A HASH rotation or a reinstall moves the epoch on, and the
    // job then applies the declarations to the installation as it is now: the plan makes a re-run a no-op.
    if (installation === null) {
      log(`job dropped: apply placements member_id=${memberId} epoch=${epoch} (uninstalled)`);
      return;
    }
    const rest = restFor(installation);
    const result = await applyPlacements(rest, await options.declarations(), {
      handlerBase: options.handlerBase,
      prune: true,
    });
    if (!result.ok) {
      const codes = result.items.flatMap((item) => (item.error ? [item.error.code] : []));
      throw new Error(`placements not applied: ${[...new Set(codes)].join(', ') || 'verification failed'}`);
    }
    for (const name of handlers.boundNames()) {
      try {
        await rest.call('event.bind', { event: name, event_type: 'offline' });
      } catch (error) {
        // Bound already (a re-run): anything else is retried.
        if (!isAlreadyBound(error)) throw error;
      }
    }
    log(`job done: placements applied member_id=${memberId} epoch=${epoch} requests=${result.requests}`);
  }

  async function cleanupJob({ memberId, domain, key }: UninstallCleanupJob): Promise<void> {
    if ((await store.findByMemberId(memberId)) !== null) {
      log(`job dropped: uninstall clean-up member_id=${memberId} (installed again)`);
      return;
    }
    await handlers.run({
      name: 'ONAPPUNINSTALL',
      memberId,
      source: 'uninstall',
      id: key,
      data: { domain },
      additional: null,
    });
    await forgetEventReceipts(db, memberId, new Date(Date.now() - 24 * 3600_000));
    log(`job done: uninstall clean-up member_id=${memberId}`);
  }

  let drainTimer: NodeJS.Timeout | null = null;
  let draining: Promise<number> | null = null;
  let stopped = false;

  async function drainAll(): Promise<number> {
    const members = await db.query<{ member_id: string }>(
      'SELECT member_id FROM imkit_installations ORDER BY member_id',
    );
    let fresh = 0;
    for (const { member_id: memberId } of members.rows) {
      if (stopped) break;
      const installation = await store.findByMemberId(memberId);
      if (installation === null) continue;
      try {
        fresh += await drainOfflineEvents(restFor(installation), limits, (record) => {
          const event: AppEvent = { ...record, memberId, source: 'offline' };
          return enqueue(jobQueues.appEvent, { event }, `offline:${memberId}:${record.id}`, memberId);
        });
      } catch (error) {
        log(`offline drain failed: member_id=${memberId} ${codeOf(error)}`);
      }
    }
    return fresh;
  }

  const drainOnce = (): Promise<number> => {
    draining ??= drainAll().finally(() => {
      draining = null;
    });
    return draining;
  };

  const worker =
    <T>(name: string, run: (data: T) => Promise<void>) =>
    async ([job]: PgBoss.Job<T>[]): Promise<void> => {
      if (job === undefined) return;
      try {
        await run(job.data);
      } catch (error) {
        log(`job failed: ${name} id=${job.id} ${codeOf(error)}; retried with back-off`);
        throw error;
      }
    };

  return {
    boss,
    onEvent: (name, handler) => handlers.on(name, handler),
    async start() {
      for (const queue of Object.values(jobQueues)) {
        await boss.createQueue(queue, { name: queue, ...queueOptions });
        await boss.updateQueue(queue, { name: queue, ...queueOptions });
      }
      if (options.work === false) return;
      await boss.work<ApplyPlacementsJob>(jobQueues.apply, polling, worker('apply placements', applyJob));
      await boss.work<UninstallCleanupJob>(
        jobQueues.cleanup,
        polling,
        worker('uninstall clean-up', cleanupJob),
      );
      await boss.work<AppEventJob>(
        jobQueues.appEvent,
        polling,
        worker('app event', ({ event }) => handlers.run(event)),
      );
      if (handlers.boundNames().length === 0) return;
      void drainOnce();
      if (drainEvery > 0) {
        drainTimer = setInterval(() => void drainOnce(), drainEvery * 1000);
        drainTimer.unref();
      }
    },
    seen: (key) => hasEventReceipt(db, key),
    enqueueApply: (job, key) => enqueue(jobQueues.apply, job, key, job.memberId),
    enqueueCleanup: (job, key) => enqueue(jobQueues.cleanup, { ...job, key }, key, job.memberId),
    drainOfflineEvents: drainOnce,
    async stop(stopOptions = {}) {
      stopped = true;
      if (drainTimer !== null) clearInterval(drainTimer);
      const timeoutMs = stopOptions.timeoutMs ?? 10_000;
      const graceful = stopOptions.graceful ?? true;
      await boss.stop({ graceful, wait: true, timeout: Math.max(1, timeoutMs) });
      if (draining !== null) {
        let timer: NodeJS.Timeout | undefined;
        const bound = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        });
        await Promise.race([
          draining.then(
            () => undefined,
            () => undefined,
          ),
          bound,
        ]);
        clearTimeout(timer);
      }
    },
  };
}
