/**
 * Carries out a plan in as few round trips as possible: one `batch` (≤ 50 commands) per chunk, an
 * item's unbind and the bind that follows it in the same batch and in order, and a trailing
 * `placement.get` that reads the result for verification. Per-command errors (HTTP 200 option errors
 * included) fail only their item; 503 QUERY_LIMIT_EXCEEDED is retried with back-off.
 */
import { runBatchRound } from './batch-round.js';
import type { PortalBinding } from './bindings.js';
import { type DeclarationInput, resolveDeclarations } from './declarations.js';
import { computePlan, type PlacementPlan, type PlanItem, type PlanOptions, readBindings } from './plan.js';
import { type ItemError, itemError, stepsOf, type Work } from './plan-steps.js';
import { defaultSleep, retryDelay } from './rate-limit.js';
import type { RestCaller } from './rest.js';
import { findMismatches, type Mismatch } from './verification.js';

export type { ItemError } from './plan-steps.js';
export { maxBatchCommands } from './plan-steps.js';
export type { Mismatch } from './verification.js';

export type ItemStatus =
  /** The commands ran. */
  | 'done'
  /** Nothing to do (`keep`) or left alone (`stale` without pruning). */
  | 'unchanged'
  | 'failed';

export interface ItemResult extends PlanItem {
  readonly status: ItemStatus;
  readonly error: ItemError | null;
}

export interface ApplyResult {
  readonly plan: PlacementPlan;
  readonly items: readonly ItemResult[];
  /** The portal's bindings read after apply (the plan's read when nothing had to change). */
  readonly after: readonly PortalBinding[] | null;
  /** Set when the bindings could not be read back. */
  readonly verifyError: string | null;
  readonly mismatches: readonly Mismatch[];
  /** HTTP round trips made by this run (`call` and `batch` requests, retries included). */
  readonly requests: number;
  /** Every item succeeded and the portal matches the declarations. */
  readonly ok: boolean;
}

export type ApplyProgress =
  | { readonly type: 'planned'; readonly plan: PlacementPlan }
  | { readonly type: 'item'; readonly item: ItemResult }
  | { readonly type: 'retry'; readonly attempt: number; readonly delayMs: number; readonly method: string }
  | { readonly type: 'verified'; readonly ok: boolean; readonly mismatches: readonly Mismatch[] };

export interface ApplyOptions extends PlanOptions {
  readonly onProgress?: (event: ApplyProgress) => void;
}

/**
 * Plans (one `placement.get`), runs the plan's commands through `batch` with a trailing
 * `placement.get`, retries rate-limited commands, and verifies the portal against the declarations.
 * A fresh install takes 2 round trips, a run with nothing to change takes 1. Throws `InstallerError`
 * only when nothing could be done (invalid declarations, the first read failed); item failures and
 * verification mismatches are in the result (`ok: false`).
 */
export async function applyPlacements(
  rest: RestCaller,
  declarations: readonly DeclarationInput[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  const progress = options.onProgress;
  const retry = {
    ...options.retry,
    onRetry: (info: { attempt: number; delayMs: number; method: string }) => {
      options.retry?.onRetry?.(info);
      progress?.({ type: 'retry', ...info });
    },
  };
  let requests = 0;
  const counted: RestCaller = {
    call: (method, params) => {
      requests++;
      return rest.call(method, params);
    },
    batch: (commands, batchOptions) => {
      requests++;
      return rest.batch(commands, batchOptions);
    },
  };
  const desired = resolveDeclarations(declarations, options.handlerBase);
  const current = await readBindings(counted, retry);
  const plan = computePlan(desired, current, options);
  progress?.({ type: 'planned', plan });

  const work: Work[] = plan.items.map((item, index) => ({
    item,
    steps: stepsOf(item, index),
    next: 0,
    error: null,
  }));
  const resultOf = (w: Work): ItemResult => ({
    ...w.item,
    status: w.steps.length === 0 ? 'unchanged' : w.error ? 'failed' : 'done',
    error: w.error,
  });
  const report = (w: Work) => progress?.({ type: 'item', item: resultOf(w) });
  for (const w of work) if (w.steps.length === 0) report(w);
  let pending = work.filter((w) => w.steps.length > 0);
  let after: PortalBinding[] | null = pending.length === 0 ? [...current] : null;
  const sleep = options.retry?.sleep ?? defaultSleep;

  for (let round = 1; pending.length > 0; round++) {
    const outcome = await runBatchRound(counted, pending, retry, report);
    after = outcome.after;
    pending = outcome.limited;
    if (pending.length === 0) break;
    const delayMs = retryDelay(options.retry ?? {}, round);
    if (delayMs === null) {
      for (const w of pending) {
        const step = w.steps[w.next]!;
        w.error = itemError(w.item, step.name, {
          code: 'QUERY_LIMIT_EXCEEDED',
          description: 'Too many requests',
          status: 503,
          method: step.command.method,
        });
        report(w);
      }
      break;
    }
    retry.onRetry({ attempt: round, delayMs, method: 'batch' });
    await sleep(delayMs);
  }

  const items = work.map(resultOf);

  let verifyError: string | null = null;
  if (after === null) {
    try {
      after = await readBindings(counted, retry);
    } catch (error) {
      verifyError = error instanceof Error ? error.message : String(error);
    }
  }
  const mismatches = after === null ? [] : findMismatches(desired, after, plan);
  const ok =
    verifyError === null && mismatches.length === 0 && items.every((item) => item.status !== 'failed');
  progress?.({ type: 'verified', ok, mismatches });
  return { plan, items, after, verifyError, mismatches, requests, ok };
}
