/** Server-sent events for the shell: `message`, `state` and `traffic`, fanned out to every listener. */
import type { Faults } from './faults.js';
import type { PortalMessage } from './state/portal-state.js';

/** One REST call, as the inspector shows it. */
export interface TrafficEntry {
  readonly at: number;
  readonly method: string;
  /** The call's parameters as read (a REST `ParamTree`). */
  readonly params: Record<string, unknown>;
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly auth: 'application' | 'webhook' | 'none';
}

/** SSE `message`: a message was added. `dialogId` is the chat as the current user names it. */
export interface MessageEventData {
  readonly chatId: number;
  readonly dialogId: string;
  readonly message: PortalMessage;
}

/** SSE `state`: anything else changed (read `GET state` again). */
export interface StateEventData {
  readonly at: number;
  readonly reset?: true;
  readonly faults?: Faults;
}

/** Each SSE event name and its data. */
export interface EmulatorEvents {
  readonly message: MessageEventData;
  readonly state: StateEventData;
  /** One REST call. */
  readonly traffic: TrafficEntry;
}

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
