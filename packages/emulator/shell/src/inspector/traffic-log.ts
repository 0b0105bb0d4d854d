/** Everything the shell sees: frame messages in/out/rejected, legacy messages and REST calls (SSE `traffic`). */

export type TrafficKind =
  | 'frame-in'
  | 'frame-out'
  | 'frame-rejected'
  | 'legacy-in'
  | 'legacy-out'
  | 'legacy-rejected'
  | 'rest';

export interface TrafficEntry {
  readonly id: number;
  readonly at: number;
  readonly kind: TrafficKind;
  /** Method, action or REST method name. */
  readonly label: string;
  /** Which frame (placement and appSid) or origin it concerns. */
  readonly source: string;
  readonly payload: unknown;
  readonly reply?: unknown;
  /** Why the real host would behave differently or ignore it; or why the shell rejected it. */
  readonly note?: string;
}

/** `at` is when it happened, when that is known and earlier than its arrival (REST calls come by SSE). */
export type TrafficInput = Omit<TrafficEntry, 'id' | 'at'> & { readonly at?: number };

const maxEntries = 500;

export class TrafficLog {
  #entries: TrafficEntry[] = [];
  #nextId = 1;
  readonly #listeners = new Set<() => void>();

  /**
   * Adds an entry in the order things happened: a REST call reported late by SSE goes before the frame
   * messages the shell saw after it started (so "401, then refreshAuth, then the retry" reads in order).
   */
  add(input: TrafficInput): TrafficEntry {
    const now = Date.now();
    const entry: TrafficEntry = { ...input, id: this.#nextId++, at: Math.min(input.at ?? now, now) };
    const kept = this.#entries.slice(-(maxEntries - 1));
    let index = kept.length;
    while (index > 0 && kept[index - 1]!.at > entry.at) index--;
    this.#entries = [...kept.slice(0, index), entry, ...kept.slice(index)];
    for (const listener of this.#listeners) listener();
    return entry;
  }

  entries(): readonly TrafficEntry[] {
    return this.#entries;
  }

  clear(): void {
    this.#entries = [];
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
