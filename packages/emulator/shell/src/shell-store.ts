/** The shell's UI state: one small observable store, read by components through `useShell`. */
import { useEffect, useState } from 'preact/hooks';
import type { LegacyAppView, PortalMessage, StateView } from '../../src/private-api/contract.js';
import type { PickedUser } from './host/frame-host.js';
import type { FrameSurface } from './host/opened-frame.js';
import type { FrameLaunch } from './portal/portal-api.js';

export interface OpenApp {
  readonly key: string;
  readonly surface: FrameSurface;
  readonly placement: string;
  readonly bindingId: number | null;
  readonly title: string;
  readonly launch: FrameLaunch;
  readonly dialogId: string | null;
  readonly size: { readonly width: number; readonly height: number } | null;
}

export interface OpenLegacyApp {
  readonly key: string;
  readonly app: LegacyAppView;
  readonly url: string;
}

export interface UserPickerRequest {
  readonly multiple: boolean;
  readonly resolve: (users: PickedUser[] | null) => void;
}

export interface Toast {
  readonly id: number;
  readonly text: string;
}

export interface ShellModel {
  readonly portal: StateView | null;
  readonly error: string | null;
  readonly dialogId: string | null;
  readonly messages: readonly PortalMessage[];
  readonly draft: string;
  readonly apps: readonly OpenApp[];
  readonly legacy: OpenLegacyApp | null;
  readonly toasts: readonly Toast[];
  readonly picker: UserPickerRequest | null;
  readonly contextMenu: { readonly messageId: number; readonly x: number; readonly y: number } | null;
  readonly smileysOpen: boolean;
  readonly inspectorOpen: boolean;
}

const initial: ShellModel = {
  portal: null,
  error: null,
  dialogId: null,
  messages: [],
  draft: '',
  apps: [],
  legacy: null,
  toasts: [],
  picker: null,
  contextMenu: null,
  smileysOpen: false,
  inspectorOpen: true,
};

export class ShellStore {
  #model: ShellModel = initial;
  readonly #listeners = new Set<() => void>();

  get(): ShellModel {
    return this.#model;
  }

  update(change: Partial<ShellModel> | ((model: ShellModel) => Partial<ShellModel>)): void {
    const patch = typeof change === 'function' ? change(this.#model) : change;
    this.#model = { ...this.#model, ...patch };
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Re-renders the component whenever the store changes. */
export function useShell(store: ShellStore): ShellModel {
  const [model, setModel] = useState(store.get());
  useEffect(() => store.subscribe(() => setModel(store.get())), [store]);
  return model;
}
