/** Types of what `scripts/run-bounded.mjs` exports (bench imports it). */
export const npmOnlyEnv: Readonly<Record<string, string>>;

export function runBounded(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
  env?: Readonly<Record<string, string>>,
): Promise<string>;

export function createImkitArgs(
  tarball: string,
  dir: string,
  placements: readonly string[],
  packs: string,
): string[];
