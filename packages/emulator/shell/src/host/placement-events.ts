/**
 * `placementBindEvent {event}` subscriptions: the host answers the same callback id again each time the
 * event happens. The emulator emits `message` ({dialogId, messageId, authorId, text}) when a message
 * arrives in the open chat. The real host's IM placements report `getInterface` events as an empty list,
 * so this is an emulator aid, shown as such in the inspector.
 */

export interface EventSubscription {
  readonly frameKey: string;
  readonly event: string;
  readonly callback: string;
}

export const emittedEvents = ['message'] as const;

export class PlacementEvents {
  #subscriptions: EventSubscription[] = [];

  bind(frameKey: string, event: string, callback: string): void {
    const exists = this.#subscriptions.some(
      (s) => s.frameKey === frameKey && s.event === event && s.callback === callback,
    );
    if (!exists) this.#subscriptions = [...this.#subscriptions, { frameKey, event, callback }];
  }

  forgetFrame(frameKey: string): void {
    this.#subscriptions = this.#subscriptions.filter((s) => s.frameKey !== frameKey);
  }

  subscribers(event: string): readonly EventSubscription[] {
    return this.#subscriptions.filter((s) => s.event === event);
  }
}
