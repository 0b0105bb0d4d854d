/** Server-sent events for the shell: `message`, `state` and `traffic`, fanned out to every listener. */
import type { EmulatorEvents } from '../private-api/contract.js';

export type EmulatorEventName = keyof EmulatorEvents;

/** One event: its name and the data the contract gives that name. */
export type EmulatorEvent = {
  readonly [N in EmulatorEventName]: { readonly name: N; readonly data: EmulatorEvents[N] };
}[EmulatorEventName];

export type EventListener = (event: EmulatorEvent) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<N extends EmulatorEventName>(name: N, data: EmulatorEvents[N]): void {
    const event = { name, data } as EmulatorEvent;
    for (const listener of this.listeners) listener(event);
  }
}
