/**
 * A flavor is the placement-specific part of a generated app: its store, texts, root component, unit
 * test and e2e test. Everything else (package.json, placement.ts, main.tsx…) and the frame around each of
 * those files is shared.
 */
import type { AppSpec } from '../app-spec.js';
import type { E2eParts } from './e2e-file.js';

export interface FlavorFiles {
  /** `src/…` files the store reads with, path → content. */
  readonly helpers?: Readonly<Record<string, string>>;
  /** `src/store.ts`. */
  readonly store: string;
  /** `src/components/App.tsx`. */
  readonly app: string;
  /** `test/app.test.tsx`. */
  readonly unitTest: string;
}

export interface Flavor {
  /** What the generated app does, one sentence (README and doc comments). */
  readonly does: string;
  /** The English texts besides the title (`src/texts.ts`). */
  readonly messages: Readonly<Record<string, string>>;
  files(spec: AppSpec): FlavorFiles;
  /** The e2e spec (Playwright, emulator fixture). */
  readonly e2e: E2eParts;
}
