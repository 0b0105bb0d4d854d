/**
 * One row of the bench table: a figure measured for imkit ("ours") and for the reference it is compared
 * with, their ratio, and the goal the toolkit aims at (when it has one).
 */

export type Part = 'size' | 'launch' | 'verify' | 'install' | 'server' | 'scale' | 'package';

export const parts: readonly Part[] = ['size', 'launch', 'verify', 'install', 'server', 'scale', 'package'];

/** A goal on "ours" (`max`/`min`) or on the ratio ours / reference (`minRatio`/`maxRatio`). */
export type Goal =
  | { readonly kind: 'max'; readonly value: number; readonly text: string }
  | { readonly kind: 'min'; readonly value: number; readonly text: string }
  | { readonly kind: 'minRatio'; readonly value: number; readonly text: string }
  | { readonly kind: 'maxRatio'; readonly value: number; readonly text: string };

export interface Figure {
  readonly part: Part;
  readonly figure: string;
  readonly unit: string;
  readonly ours: number;
  /** null when the figure has no reference (then there is no ratio). */
  readonly reference: number | null;
  /** What the reference is, such as "b24jssdk-only page". */
  readonly referenceName: string;
  readonly goal?: Goal;
  /** Anything the number needs to be read correctly. */
  readonly note?: string;
}

export interface FigureResult extends Figure {
  readonly ratio: number | null;
  /** null when the figure has no goal. */
  readonly met: boolean | null;
}

export function ratioOf(ours: number, reference: number | null): number | null {
  if (reference === null || reference === 0 || !Number.isFinite(reference)) return null;
  return ours / reference;
}

export function evaluateFigure(figure: Figure): FigureResult {
  const ratio = ratioOf(figure.ours, figure.reference);
  const goal = figure.goal;
  let met: boolean | null = null;
  if (goal?.kind === 'max') met = figure.ours <= goal.value;
  else if (goal?.kind === 'min') met = figure.ours >= goal.value;
  else if (goal?.kind === 'minRatio') met = ratio !== null && ratio >= goal.value;
  else if (goal?.kind === 'maxRatio') met = ratio !== null && ratio <= goal.value;
  return { ...figure, ratio, met };
}
