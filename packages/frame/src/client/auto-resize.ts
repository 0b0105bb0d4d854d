/**
 * Watches an element's height with ResizeObserver and reports it, debounced, only when it changed.
 * Returns a stop function.
 */
export function watchHeight(
  win: Window,
  element: Element,
  onHeight: (height: number) => void,
  debounceMs = 100,
): () => void {
  let last = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new (win as Window & typeof globalThis).ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        onHeight(height);
      }
    }, debounceMs);
  });
  observer.observe(element);
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
