/** What every view of this app receives: the store, the translator and the interface language. */
import type { StickerStore } from '../store.js';
import type { T } from '../texts.js';

export interface ViewProps {
  readonly store: StickerStore;
  readonly t: T;
  readonly lang: string;
}
