/**
 * Init script of every launched frame: reports (through the exposed `__benchReady` binding) the moment
 * the page's `#app` first changes after the page's own scripts ran — for the sample app, the frame boot
 * replacing "connecting" once `connect()` resolved; for the reference pages, the text written once
 * `initializeB24Frame()` / `connect()` resolved. Times are absolute (`timeOrigin + now()`), so they
 * compare with the harness's submit time; `sinceNavigationStart` is the frame's own clock.
 */

export interface ReadyReport {
  readonly readyAt: number;
  readonly sinceNavigationStart: number;
  readonly failed: boolean;
  readonly href: string;
  /** The start of `#app`'s text at ready, for diagnostics. */
  readonly text: string;
}

declare global {
  interface Window {
    __benchReady?: (report: ReadyReport) => void;
  }
}

function report(failed: boolean, text: string): void {
  const now = performance.now();
  window.__benchReady?.({
    readyAt: performance.timeOrigin + now,
    sinceNavigationStart: now,
    failed,
    href: location.href,
    text: text.slice(0, 80),
  });
}

function watch(): void {
  const app = document.getElementById('app');
  if (app === null) {
    report(true, '');
    return;
  }
  const initial = app.innerHTML;
  let done = false;
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (done || app.innerHTML === initial) return;
    done = true;
    observer.disconnect();
    report(
      app.querySelector('[role="alert"]') !== null || app.dataset.failed === 'true',
      `${initial.replace(/<[^>]*>/g, '')} → ${app.textContent ?? ''}`,
    );
  };
  observer.observe(app, { childList: true, subtree: true, characterData: true, attributes: true });
  check();
}

if (window !== window.top && location.protocol.startsWith('http')) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
}
