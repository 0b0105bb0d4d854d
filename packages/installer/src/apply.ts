/**
 * Carries out a plan in as few round trips as possible: one `batch` (≤ 50 commands) per chunk, an
 * item's unbind and the bind that follows it in the same batch and in order, and a trailing
 * `placement.get` that reads the result for verification. Per-command errors (HTTP 200 option errors
 * included) fail only their item; 503 QUERY_LIMIT_EXCEEDED is retried with back-off.
 */
import type { BindParams } from '@imkit/frame/placements';
import { type PortalBinding, readPortalBindings } from './bindings.js';
import { type DeclarationInput, type DesiredBinding, resolveDeclarations } from './declarations.js';
import { hintFor } from './host-hints.js';
import {
  computePlan,
  isCommandAction,
  type PlacementPlan,
  type PlanItem,
  type PlanOptions,
  readBindings,
} from './plan.js';
import { defaultSleep, isRateLimited, retryDelay, withRateLimitRetry } from './rate-limit.js';
import {
  type BatchItemResult,
  type RestCaller,
  type RestCommand,
  type RestErrorInfo,
  restErrorInfo,
} from './rest.js';

/** The host's batch limit. */
export const maxBatchCommands = 50;

export type ItemStatus =
  /** The commands ran. */
  | 'done'
  /** Nothing to do (`keep`) or left alone (`stale` without pruning). */
  | 'unchanged'
  | 'failed';

export interface ItemError extends RestErrorInfo {
  /** The command that failed. */
  readonly step: 'bind' | 'unbind';
  /** What to do about it, for well-known codes (WRONG_AUTH_TYPE: an application token is needed…). */
  readonly hint: string | null;
  /** `IM_SIDEBAR https://…/im-sidebar/: bind failed — INVALID_ERROR_COLOR: Field color is invalid. (HTTP 200)` */
  readonly message: string;
}

export interface ItemResult extends PlanItem {
  readonly status: ItemStatus;
  readonly error: ItemError | null;
}

/** A declared binding that the portal does not show as declared after apply (or a pruned one still there). */
export interface Mismatch {
  readonly placement: string;
  readonly handler: string;
  readonly app: string | null;
  readonly problem: 'missing' | 'different' | 'not removed';
  readonly changes: readonly string[];
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

interface Step {
  readonly key: string;
  readonly name: 'bind' | 'unbind';
  readonly command: RestCommand;
}

interface Work {
  readonly item: PlanItem;
  readonly steps: readonly Step[];
  next: number;
  error: ItemError | null;
}

function unbindCommand(item: PlanItem): RestCommand {
  return { method: 'placement.unbind', params: { PLACEMENT: item.placement, HANDLER: item.handler } };
}

function bindCommand(params: BindParams): RestCommand {
  return { method: 'placement.bind', params: { ...params } };
}

function stepsOf(item: PlanItem, index: number): Step[] {
  const unbind: Step = { key: `i${index}_unbind`, name: 'unbind', command: unbindCommand(item) };
  const bind = (params: BindParams): Step => ({
    key: `i${index}_bind`,
    name: 'bind',
    command: bindCommand(params),
  });
  if (item.action === 'bind' && item.bind) return [bind(item.bind)];
  if (item.action === 'rebind' && item.bind) return [unbind, bind(item.bind)];
  if (item.action === 'unbind') return [unbind];
  return [];
}

export function itemError(item: PlanItem, step: 'bind' | 'unbind', info: RestErrorInfo): ItemError {
  const hint = hintFor(info.code) ?? null;
  const removed =
    step === 'bind' && item.action === 'rebind' ? ' The old binding was already removed by the unbind.' : '';
  const text = `${item.placement} ${item.handler}: ${step} failed — ${info.code}${info.description ? `: ${info.description}` : ''} (HTTP ${info.status}).${removed}${hint ? ` ${hint}` : ''}`;
  return { ...info, step, hint, message: text };
}

/** Splits work into batches of at most `maxBatchCommands`, never splitting one item's steps. */
function chunkWork(work: readonly Work[]): Work[][] {
  const chunks: Work[][] = [];
  let current: Work[] = [];
  let size = 0;
  for (const w of work) {
    const count = w.steps.length - w.next;
    if (size + count > maxBatchCommands && current.length > 0) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(w);
    size += count;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function verification(
  desired: readonly DesiredBinding[],
  after: readonly PortalBinding[],
  plan: PlacementPlan,
): Mismatch[] {
  const check = computePlan(desired, after, { handlerBase: plan.handlerBase, prune: plan.prune });
  return check.items
    .filter((item) => isCommandAction(item.action))
    .map((item) => ({
      placement: item.placement,
      handler: item.handler,
      app: item.app,
      problem: item.action === 'bind' ? 'missing' : item.action === 'rebind' ? 'different' : 'not removed',
      changes: item.changes,
    }));
}

const verifyKey = 'verify';

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
    const limited: Work[] = [];
    const chunks = chunkWork(pending);
    after = null;
    for (const [chunkIndex, chunk] of chunks.entries()) {
      const commands: Record<string, RestCommand> = {};
      for (const w of chunk) for (const step of w.steps.slice(w.next)) commands[step.key] = step.command;
      const last = chunkIndex === chunks.length - 1;
      if (last && Object.keys(commands).length < maxBatchCommands)
        commands[verifyKey] = { method: 'placement.get' };
      let results: Record<string, BatchItemResult>;
      try {
        results = await withRateLimitRetry('batch', () => counted.batch(commands, { halt: false }), retry);
      } catch (error) {
        const info = restErrorInfo(error) ?? {
          code: 'CLIENT_ERROR',
          description: error instanceof Error ? error.message : String(error),
          status: 0,
          method: 'batch',
        };
        for (const w of chunk) {
          w.error = itemError(w.item, w.steps[w.next]!.name, info);
          report(w);
        }
        continue;
      }
      for (const w of chunk) {
        while (w.next < w.steps.length) {
          const step = w.steps[w.next]!;
          const entry = results[step.key];
          if (entry?.ok) {
            w.next++;
            continue;
          }
          const info: RestErrorInfo = entry
            ? entry.error
            : {
                code: 'BAD_RESPONSE',
                description: `the batch answer has no entry for ${step.key}`,
                status: 200,
                method: step.command.method,
              };
          if (isRateLimited(info)) limited.push(w);
          else w.error = itemError(w.item, step.name, info);
          break;
        }
        if (!limited.includes(w)) report(w);
      }
      const verified = results[verifyKey];
      if (verified?.ok) {
        try {
          after = readPortalBindings(verified.result);
        } catch {
          after = null;
        }
      }
    }
    pending = limited;
    if (pending.length > 0) {
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
        pending = [];
      } else {
        retry.onRetry({ attempt: round, delayMs, method: 'batch' });
        await sleep(delayMs);
      }
    }
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
  const mismatches = after === null ? [] : verification(desired, after, plan);
  const ok =
    verifyError === null && mismatches.length === 0 && items.every((item) => item.status !== 'failed');
  progress?.({ type: 'verified', ok, mismatches });
  return { plan, items, after, verifyError, mismatches, requests, ok };
}
