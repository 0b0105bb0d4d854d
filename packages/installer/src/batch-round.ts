/**
 * One round of apply: the pending items' remaining commands in batches of ≤ 50, the last batch ending
 * with `placement.get`. Each command's own answer decides its item (HTTP-200 errors included); items
 * stopped by the rate limit are handed back for the next round.
 */
import { type PortalBinding, readPortalBindings } from './bindings.js';
import { chunkWork, itemError, maxBatchCommands, type Work } from './plan-steps.js';
import { isRateLimited, type RetryOptions, withRateLimitRetry } from './rate-limit.js';
import {
  type BatchItemResult,
  type RestCaller,
  type RestCommand,
  type RestErrorInfo,
  restErrorInfo,
} from './rest.js';

const verifyKey = 'verify';

export interface RoundOutcome {
  /** Items stopped by 503 QUERY_LIMIT_EXCEEDED, to be retried from the step that was refused. */
  readonly limited: Work[];
  /** The bindings read by the trailing `placement.get`, or null when it did not run or failed. */
  readonly after: PortalBinding[] | null;
}

function requestFailure(error: unknown): RestErrorInfo {
  return (
    restErrorInfo(error) ?? {
      code: 'CLIENT_ERROR',
      description: error instanceof Error ? error.message : String(error),
      status: 0,
      method: 'batch',
    }
  );
}

/** Advances `w` through its answered steps; returns the error that stopped it, or null when all ran. */
function settle(w: Work, results: Readonly<Record<string, BatchItemResult>>): RestErrorInfo | null {
  while (w.next < w.steps.length) {
    const step = w.steps[w.next]!;
    const entry = results[step.key];
    if (entry?.ok) {
      w.next++;
      continue;
    }
    return entry
      ? entry.error
      : {
          code: 'BAD_RESPONSE',
          description: `the batch answer has no entry for ${step.key}`,
          status: 200,
          method: step.command.method,
        };
  }
  return null;
}

function readBack(entry: BatchItemResult | undefined): PortalBinding[] | null {
  if (!entry?.ok) return null;
  try {
    return readPortalBindings(entry.result);
  } catch {
    return null;
  }
}

/** Sends the remaining commands of `pending`; `finished` is called for each item that is done or failed. */
export async function runBatchRound(
  rest: RestCaller,
  pending: readonly Work[],
  retry: RetryOptions,
  finished: (w: Work) => void,
): Promise<RoundOutcome> {
  const limited: Work[] = [];
  let after: PortalBinding[] | null = null;
  const chunks = chunkWork(pending);
  for (const [index, chunk] of chunks.entries()) {
    const commands: Record<string, RestCommand> = {};
    for (const w of chunk) for (const step of w.steps.slice(w.next)) commands[step.key] = step.command;
    const isLast = index === chunks.length - 1;
    if (isLast && Object.keys(commands).length < maxBatchCommands)
      commands[verifyKey] = { method: 'placement.get' };
    let results: Record<string, BatchItemResult>;
    try {
      results = await withRateLimitRetry('batch', () => rest.batch(commands, { halt: false }), retry);
    } catch (error) {
      const info = requestFailure(error);
      for (const w of chunk) {
        w.error = itemError(w.item, w.steps[w.next]!.name, info);
        finished(w);
      }
      continue;
    }
    for (const w of chunk) {
      const stopped = settle(w, results);
      if (stopped !== null && isRateLimited(stopped)) {
        limited.push(w);
        continue;
      }
      if (stopped !== null) w.error = itemError(w.item, w.steps[w.next]!.name, stopped);
      finished(w);
    }
    if (isLast) after = readBack(results[verifyKey]);
  }
  return { limited, after };
}
