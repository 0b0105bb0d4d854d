/** Types of the measuring functions `scripts/size-budget.mjs` exports (bench imports them). */

/** Bytes after gzip at level 9: how every size figure is counted (min+gzip). */
export function gzipSize(bytes: Uint8Array | string): number;

/** Min+gzip bytes of an entry's first-load code (esbuild bundle, dynamic imports external). */
export function measureEntry(entryFile: string): Promise<{ readonly bytes: number; readonly files: number }>;

export interface FirstLoad {
  readonly bytes: number;
  /** Paths relative to the dist folder. */
  readonly files: readonly string[];
}

/** Gzip bytes of the JS a browser loads for `<distDir>/index.html` before any dynamic import. */
export function firstLoadJs(distDir: string): FirstLoad;
