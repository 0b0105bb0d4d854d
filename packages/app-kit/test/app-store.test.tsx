import { cleanup, render, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../src/app-store.js';

afterEach(cleanup);

function countingStore() {
  const counts = { created: 0, loaded: 0 };
  const createStore = () => {
    counts.created += 1;
    const load = async () => {
      counts.loaded += 1;
    };
    return { getState: () => ({ load }) };
  };
  return { counts, createStore };
}

describe('useAppStore', () => {
  it('creates the store once and loads it once, however often the root renders', async () => {
    const { counts, createStore } = countingStore();
    let rerender: (n: number) => void = () => {};
    function Root() {
      const [n, setN] = useState(0);
      rerender = setN;
      useAppStore(createStore);
      return <p>render {n}</p>;
    }
    const view = render(<Root />);
    await waitFor(() => expect(counts.loaded).toBe(1));
    rerender(1);
    rerender(2);
    await view.findByText('render 2');
    expect(counts).toEqual({ created: 1, loaded: 1 });
  });

  it('returns the same store on every render', async () => {
    const seen = new Set<unknown>();
    const { createStore } = countingStore();
    let rerender: (n: number) => void = () => {};
    function Root() {
      const [n, setN] = useState(0);
      rerender = setN;
      seen.add(useAppStore(createStore));
      return <p>render {n}</p>;
    }
    const view = render(<Root />);
    rerender(1);
    await view.findByText('render 1');
    expect(seen.size).toBe(1);
  });

  it('a second mounted root gets its own store, loaded once', async () => {
    const { counts, createStore } = countingStore();
    function Root() {
      useAppStore(createStore);
      return null;
    }
    render(<Root />);
    render(<Root />);
    await waitFor(() => expect(counts).toEqual({ created: 2, loaded: 2 }));
  });

  it('accepts a store without load() and only creates it', async () => {
    let created = 0;
    const createStore = () => {
      created += 1;
      return { getState: () => ({ count: 1 }) };
    };
    function Root() {
      const store = useAppStore(createStore);
      return <p>count {store.getState().count}</p>;
    }
    const view = render(<Root />);
    await view.findByText('count 1');
    expect(created).toBe(1);
  });
});
