/**
 * A plan item as REST commands: `bind` → bind; `rebind` → unbind that exact handler, then bind;
 * `unbind` → unbind. Tracks how far each item got, so a retry resumes where it stopped, and groups
 * items into batches without ever separating one item's commands.
 */
import type { BindParams } from '@imkit/frame/placements';
import { hintFor } from './host-hints.js';
import type { PlanItem } from './plan.js';
import type { RestCommand, RestErrorInfo } from './rest.js';

/** The host's batch limit. */
export const maxBatchCommands = 50;

export interface ItemError extends RestErrorInfo {
  /** The command that failed. */
  readonly step: 'bind' | 'unbind';
  /** What to do about it, for well-known codes (WRONG_AUTH_TYPE: an application token is needed…). */
  readonly hint: string | null;
  /** `IM_SIDEBAR https://…/im-sidebar/: bind failed — INVALID_ERROR_COLOR: Field color is invalid. (HTTP 200)` */
  readonly message: string;
}

export interface Step {
  readonly key: string;
  readonly name: 'bind' | 'unbind';
  readonly command: RestCommand;
}

export interface Work {
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

export function stepsOf(item: PlanItem, index: number): Step[] {
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
export function chunkWork(work: readonly Work[]): Work[][] {
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
