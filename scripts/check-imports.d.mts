/** Types of what `scripts/check-imports.mjs` exports (the emulator's test imports them). */

export interface Layer {
  readonly rank: number;
  /** Relative to the layered folder; `''` matches the files at its top. */
  readonly prefix: string;
  readonly name: string;
}

export interface CheckImportsOptions {
  /** Folders relative to the root; `a/*\/b` expands one level. */
  readonly sourceRoots?: readonly string[];
  /** The folder whose files `layers` orders. */
  readonly layered?: string;
  readonly layers?: readonly Layer[];
}

export const emulatorLayers: readonly Layer[];
export const defaultSourceRoots: readonly string[];

/** The relative specifiers a file's text names. */
export function importSpecifiers(text: string): string[];

/** One line per finding: `cycle: …` or `layer: …`; empty when the graph is clean. */
export function checkImports(root: string, options?: CheckImportsOptions): string[];
