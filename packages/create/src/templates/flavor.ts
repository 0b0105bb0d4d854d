/**
 * A flavor is the placement-specific part of a generated app: its store, texts, root component, unit
 * test and e2e test. Everything else (package.json, placement.ts, main.tsx…) is shared.
 */
import type { AppSpec } from '../app-spec.js';

export interface Flavor {
  /** What the generated app does, one sentence (README and doc comments). */
  readonly does: string;
  /** `src/…` and `test/…` files, path → content. */
  files(spec: AppSpec): Readonly<Record<string, string>>;
  /** The e2e spec (Playwright, emulator fixture). */
  e2e(spec: AppSpec): string;
}
