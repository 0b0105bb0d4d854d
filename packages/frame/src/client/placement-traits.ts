/**
 * The two catalogue facts the browser client needs — the PLACEMENT_OPTIONS keys each frame receives and
 * whether it may resize — as two small rules, so the client stays under its 3 KB budget (the full
 * catalogue carries descriptions and option chains). test/client-placement-traits.test.ts fails when
 * these rules and `placementCatalog` disagree.
 */
import type { ContextField } from '../placements/catalog.js';

/** The keys an `IM_*` frame receives in PLACEMENT_OPTIONS; undefined for other placements. */
export function contextFieldsOf(placement: string): readonly ContextField[] | undefined {
  if (placement === 'IM_NAVIGATION') return [];
  if (placement === 'IM_CONTEXT_MENU') return ['dialogId', 'messageId'];
  return placement.startsWith('IM_') ? ['dialogId'] : undefined;
}

/** IM_CONTEXT_MENU opens in a slider, where the host refuses `resizeWindow`. */
export const canResizeIn = (placement: string): boolean => placement !== 'IM_CONTEXT_MENU';
