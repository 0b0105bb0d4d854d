/** Server-sent events for the shell: `message`, `state` and `traffic`, fanned out to every listener. */
export type EmulatorEventName = 'message' | 'state' | 'traffic';

export interface EmulatorEvent {
  readonly name: EmulatorEventName;
  readonly data: unknown;
}

export type EventListener = (event: EmulatorEvent) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(name: EmulatorEventName, data: unknown): void {
    for (const listener of this.listeners) listener({ name, data });
  }
}
