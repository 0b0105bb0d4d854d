/**
 * The app's own event handlers, registered per event name (`ONIMBOTMESSAGEADD`, `ONAPPUNINSTALL`…) and run
 * from the job queue: offline events drained from the portal, and the uninstall clean-up.
 */

/** One event for an app handler, as the job queue delivers it (at least once; receipts dedupe). */
export interface AppEvent<Name extends string = string> {
  /** Upper case, as the portal names it. */
  readonly name: Name;
  readonly memberId: string;
  /** Where it came from: an offline record (`event.offline.get`) or the server's uninstall clean-up. */
  readonly source: 'offline' | 'uninstall';
  /** The record's identity (`MESSAGE_ID`, else `ID`), or the uninstall's event key. */
  readonly id: string;
  /** `EVENT_DATA` of an offline record; `{ domain }` for an uninstall. */
  readonly data: unknown;
  /** `EVENT_ADDITIONAL` of an offline record (the user who caused it…), null otherwise. */
  readonly additional: unknown;
}

export type AppEventHandler<Name extends string = string> = (event: AppEvent<Name>) => Promise<void>;

const eventName = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Handlers by event name; a name is checked once, here. */
export class AppEventHandlers {
  readonly #byName = new Map<string, AppEventHandler[]>();

  on<Name extends string>(name: Name, handler: AppEventHandler<Name>): void {
    const key = name.toUpperCase();
    if (!eventName.test(key)) throw new TypeError(`jobs.onEvent: "${name}" is not an event name`);
    const list = this.#byName.get(key) ?? [];
    list.push(handler as AppEventHandler);
    this.#byName.set(key, list);
  }

  /** The names with a handler, except the server's own install events (those are not bound). */
  boundNames(): string[] {
    return [...this.#byName.keys()].filter((name) => name !== 'ONAPPINSTALL' && name !== 'ONAPPUNINSTALL');
  }

  has(name: string): boolean {
    return this.#byName.has(name.toUpperCase());
  }

  async run(event: AppEvent): Promise<void> {
    for (const handler of this.#byName.get(event.name.toUpperCase()) ?? []) await handler(event);
  }
}
