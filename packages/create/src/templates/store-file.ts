/**
 * The generated `src/store.ts` around a flavor's state and actions: the zustand and Frame imports and the
 * `AppStore` type. `about` continues the doc comment's first sentence (lines joined with `\n * `).
 */

export interface StoreParts {
  readonly about: string;
  /** The `@imkit/app-kit` names the body uses. */
  readonly kit?: string;
  /** The app's own imports, one line each. */
  readonly imports?: string;
  /** From `AppState` to the end of `createAppStore`. */
  readonly body: string;
}

export function storeFile({
  about,
  kit = 'idle, type Remote, track',
  imports = '',
  body,
}: StoreParts): string {
  return `/**
 * The app's state and actions (zustand). ${about}
 */
import { ${kit} } from '@imkit/app-kit';
import type { Frame } from '@imkit/frame';
import { create } from 'zustand';
${imports}
${body}
export type AppStore = ReturnType<typeof createAppStore>;
`;
}
