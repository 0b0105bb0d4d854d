/**
 * The plan: what must change on the portal so its bindings match the declarations. Per placement +
 * handler: bind new ones, rebind changed ones (unbind that exact handler, then bind), keep equal ones,
 * and remove handlers that are no longer declared only when pruning.
 */
import type { BindParams } from '@imkit/frame/placements';
import { bindingDifferences, bindingKey, type PortalBinding, readPortalBindings } from './bindings.js';
import { type DeclarationInput, type DesiredBinding, resolveDeclarations } from './declarations.js';
import { InstallerError } from './errors.js';
import { hintFor } from './host-hints.js';
import { type RetryOptions, withRateLimitRetry } from './rate-limit.js';
import { type RestCaller, restErrorInfo } from './rest.js';

export type PlanAction =
  /** Declared, not on the portal: `placement.bind`. */
  | 'bind'
  /** Declared and on the portal with other options or texts: `placement.unbind` that handler, then bind. */
  | 'rebind'
  /** Declared and equal: nothing to do. */
  | 'keep'
  /** On the portal, no longer declared, and pruning: `placement.unbind` that handler. */
  | 'unbind'
  /** On the portal, no longer declared, left alone because pruning is off. */
  | 'stale';

export interface PlanItem {
  readonly action: PlanAction;
  readonly placement: string;
  /** The absolute handler URL, exactly as bound. */
  readonly handler: string;
  /** The declaring app; null for handlers that no declaration names. */
  readonly app: string | null;
  /** For `rebind`: the fields that differ (`options.color`, `title`…). */
  readonly changes: readonly string[];
  /** For `bind` and `rebind`: the `placement.bind` parameters. */
  readonly bind: BindParams | null;
}

export interface PlacementPlan {
  readonly handlerBase: string;
  readonly prune: boolean;
  /** Every declared binding and every binding on the portal, in declaration order, then portal order. */
  readonly items: readonly PlanItem[];
  /** The portal's bindings the plan was made from. */
  readonly current: readonly PortalBinding[];
  /** True when carrying out the plan sends at least one command. */
  readonly hasChanges: boolean;
}

export interface PlanOptions {
  /** Base URL the declarations' handler paths are resolved against (`https://apps.example.com/`). */
  readonly handlerBase: string;
  /** Unbind handlers that are on the portal but no longer declared. Default false. */
  readonly prune?: boolean;
  /** Back-off for 503 QUERY_LIMIT_EXCEEDED. */
  readonly retry?: RetryOptions;
}

const commandActions: readonly PlanAction[] = ['bind', 'rebind', 'unbind'];

export function isCommandAction(action: PlanAction): boolean {
  return commandActions.includes(action);
}

/** The plan for resolved declarations against the portal's current bindings. Pure. */
export function computePlan(
  desired: readonly DesiredBinding[],
  current: readonly PortalBinding[],
  options: { readonly handlerBase: string; readonly prune?: boolean },
): PlacementPlan {
  const onPortal = new Map(current.map((binding) => [bindingKey(binding), binding]));
  const declared = new Set<string>();
  const items: PlanItem[] = desired.map(({ app, params, binding }) => {
    const key = bindingKey(binding);
    declared.add(key);
    const existing = onPortal.get(key);
    const base = { placement: binding.placement, handler: binding.handler, app };
    if (existing === undefined) return { ...base, action: 'bind', changes: [], bind: params };
    const changes = bindingDifferences(binding, existing);
    return changes.length === 0
      ? { ...base, action: 'keep', changes, bind: null }
      : { ...base, action: 'rebind', changes, bind: params };
  });
  const prune = options.prune ?? false;
  const reported = new Set<string>();
  for (const binding of current) {
    const key = bindingKey(binding);
    if (declared.has(key) || reported.has(key)) continue;
    reported.add(key);
    items.push({
      action: prune ? 'unbind' : 'stale',
      placement: binding.placement,
      handler: binding.handler,
      app: null,
      changes: [],
      bind: null,
    });
  }
  return {
    handlerBase: options.handlerBase,
    prune,
    items,
    current,
    hasChanges: items.some((item) => isCommandAction(item.action)),
  };
}

/** Reads the portal's bindings with `placement.get` (one request, retried on the rate limit). */
export async function readBindings(rest: RestCaller, retry?: RetryOptions): Promise<PortalBinding[]> {
  try {
    const result = await withRateLimitRetry('placement.get', () => rest.call('placement.get'), retry);
    return readPortalBindings(result);
  } catch (error) {
    const info = restErrorInfo(error);
    if (info === null) throw error;
    const hint = hintFor(info.code);
    throw new InstallerError(
      'READ_FAILED',
      `Cannot read the portal's placements (placement.get): ${info.code}${info.description ? ` — ${info.description}` : ''} (HTTP ${info.status})${hint ? `. ${hint}` : ''}`,
      [],
      { cause: error },
    );
  }
}

/**
 * Validates the declarations offline (throws `InstallerError` `INVALID_DECLARATIONS` listing every
 * problem, before any request), reads the portal's bindings and computes the plan. One request.
 */
export async function planPlacements(
  rest: RestCaller,
  declarations: readonly DeclarationInput[],
  options: PlanOptions,
): Promise<PlacementPlan> {
  const desired = resolveDeclarations(declarations, options.handlerBase);
  const current = await readBindings(rest, options.retry);
  return computePlan(desired, current, options);
}
