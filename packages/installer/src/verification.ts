/** After apply: does the portal now hold exactly the declared bindings (and none of the pruned ones)? */
import type { PortalBinding } from './bindings.js';
import type { DesiredBinding } from './declarations.js';
import { computePlan, isCommandAction, type PlacementPlan } from './plan.js';

/** A declared binding that the portal does not show as declared after apply (or a pruned one still there). */
export interface Mismatch {
  readonly placement: string;
  readonly handler: string;
  readonly app: string | null;
  readonly problem: 'missing' | 'different' | 'not removed';
  readonly changes: readonly string[];
}

/** The differences between the declarations and the bindings read back after apply. */
export function findMismatches(
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
