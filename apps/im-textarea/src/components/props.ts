/** What every view of this app receives: the store, the translator and the language for error texts. */
import type { QuickRepliesStore } from '../store.js';
import type { T } from '../texts.js';

export interface ViewProps {
  readonly store: QuickRepliesStore;
  readonly t: T;
  readonly lang: string;
}
