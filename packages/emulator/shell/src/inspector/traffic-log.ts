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

export type TrafficInput = Omit<TrafficEntry, 'id' | 'at'>;

const maxEntries = 500;

export class TrafficLog {
  #entries: TrafficEntry[] = [];
  #nextId = 1;
  readonly #listeners = new Set<() => void>();

  add(input: TrafficInput): TrafficEntry {
    const entry: TrafficEntry = { ...input, id: this.#nextId++, at: Date.now() };
    this.#entries = [...this.#entries.slice(-(maxEntries - 1)), entry];
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
