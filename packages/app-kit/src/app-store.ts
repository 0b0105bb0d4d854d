/**
 * `useAppStore(() => createAppStore(frame))`: an app root's store — created once per mounted root (not on
 * every render) and its `load()` started when the root mounts.
 */
import { useEffect, useState } from 'preact/hooks';

export interface LoadingStore {
  getState(): { load(): Promise<void> };
}

export function useAppStore<S extends LoadingStore>(createStore: () => S): S {
  const [store] = useState(createStore);
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  return store;
}
