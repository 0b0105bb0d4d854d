/**
 * The install page's one job: apply the apps' placements with the frame's own token, then tell the host
 * the install is done (`installFinish`) — only on the install launch (`context.install`), only after the
 * portal matches the declarations, and until it succeeds once: a refused or timed-out `installFinish`
 * fails the run with its error, and the next run (the page's "Try again") re-checks the placements and
 * asks again. Reopened later by an admin, the page re-applies (keeping bindings in sync after an update)
 * without finishing anything.
 */
import type { Frame } from '@imkit/frame';
import {
  type AppDeclaration,
  type ApplyProgress,
  type ApplyResult,
  applyPlacements,
  type ItemResult,
  type PlacementPlan,
} from '@imkit/installer';

export type InstallFrame = Pick<Frame, 'context' | 'rest' | 'installFinish'>;

export type InstallState =
  | {
      readonly step: 'applying';
      readonly plan: PlacementPlan | null;
      readonly items: readonly ItemResult[];
      readonly retry: string | null;
    }
  /** `finished`: this page has finished the install (`installFinish` succeeded). */
  | { readonly step: 'done'; readonly result: ApplyResult; readonly finished: boolean }
  | { readonly step: 'failed'; readonly result: ApplyResult | null; readonly error: unknown }
  /** Opened outside the install by a user who is not an admin: nothing to do. */
  | { readonly step: 'skipped' };

export interface InstallSession {
  /** Applies (again, after a failure) and finishes the install when everything matches. */
  run(): Promise<InstallState>;
}

export function itemKey(item: { readonly placement: string; readonly handler: string }): string {
  return `${item.placement}\n${item.handler}`;
}

export function createInstallSession(
  frame: InstallFrame,
  declarations: readonly AppDeclaration[],
  handlerBase: string,
  onState: (state: InstallState) => void,
): InstallSession {
  /** Set only when installFinish succeeded: never a second successful call, always another try after a failure. */
  let finished = false;
  let running: Promise<InstallState> | null = null;
  const set = (state: InstallState): InstallState => {
    onState(state);
    return state;
  };

  const apply = async (): Promise<InstallState> => {
    const { install, isAdmin } = frame.context;
    if (!install && !isAdmin) return set({ step: 'skipped' });
    let plan: PlacementPlan | null = null;
    let items: ItemResult[] = [];
    let retry: string | null = null;
    set({ step: 'applying', plan, items, retry });
    const onProgress = (event: ApplyProgress) => {
      if (event.type === 'planned') {
        plan = event.plan;
      } else if (event.type === 'item') {
        items = [...items.filter((item) => itemKey(item) !== itemKey(event.item)), event.item];
      } else if (event.type === 'retry') {
        retry = `rate limited, retry ${event.attempt} in ${Math.round(event.delayMs / 100) / 10} s`;
      }
      if (event.type !== 'verified') set({ step: 'applying', plan, items, retry });
    };
    let result: ApplyResult;
    try {
      result = await applyPlacements(frame.rest, declarations, { handlerBase, onProgress });
    } catch (error) {
      return set({ step: 'failed', result: null, error });
    }
    if (!result.ok) return set({ step: 'failed', result, error: null });
    if (install && !finished) {
      try {
        await frame.installFinish();
      } catch (error) {
        return set({ step: 'failed', result, error });
      }
      finished = true;
    }
    return set({ step: 'done', result, finished });
  };

  return {
    run: () => {
      running ??= apply().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
