/**
 * `useAppStore(() => createAppStore(frame))`: an app root's store — created once per mounted root (not on
 * every render) and, when its state has a `load()`, loaded when the root mounts.
 */
import { useEffect, useState } from 'preact/hooks';

export interface AppStore {
  getState(): object;
}

export function useAppStore<S extends AppStore>(createStore: () => S): S {
  const [store] = useState(createStore);
  useEffect(() => {
    const state = store.getState();
    if ('load' in state && typeof state.load === 'function') void state.load();
  }, [store]);
  return store;
}
