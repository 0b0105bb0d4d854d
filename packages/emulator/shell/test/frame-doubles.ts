/** Test doubles for the shell's host-protocol tests: fake windows and iframes, no DOM needed. */
import type { OpenedFrame } from '../src/host/opened-frame.js';

export interface FakeWindow {
  readonly posted: Array<{ data: unknown; origin: string }>;
  postMessage(data: unknown, origin: string): void;
}

export function fakeWindow(): FakeWindow {
  const posted: Array<{ data: unknown; origin: string }> = [];
  return { posted, postMessage: (data, origin) => posted.push({ data, origin }) };
}

export function fakeIframe(window: FakeWindow): () => HTMLIFrameElement {
  const element = { contentWindow: window, style: {} as Record<string, string> };
  return () => element as unknown as HTMLIFrameElement;
}

export function openedFrame(overrides: Partial<OpenedFrame> & { window: FakeWindow }): OpenedFrame {
  const { window, ...rest } = overrides;
  return {
    key: 'f1',
    placement: 'IM_SIDEBAR',
    surface: 'sidebar',
    bindingId: 1,
    title: 'Sidebar app',
    appSid: 'a'.repeat(32),
    handlerOrigin: 'http://127.0.0.1:5173',
    dialogId: 'chat1',
    element: fakeIframe(window),
    ...rest,
  };
}
