/**
 * The legacy chat app open in the input panel: posts the init string on every load (new uniqueLoadId),
 * judges the frame's messages and hands accepted actions to the shell. It never replies.
 */
import type { IncomingMessage } from '../host/judge-frame-message.js';
import { originOf } from '../host/opened-frame.js';
import type { TrafficInput } from '../inspector/traffic-log.js';
import {
  judgeLegacyMessage,
  type LegacyAction,
  type LegacyFrame,
  legacyInitMessage,
  newLoadId,
} from './legacy-host.js';

export type LegacyActionHandler = (action: LegacyAction) => void;

export class LegacySession {
  #frame: LegacyFrame | null = null;
  readonly #log: (entry: TrafficInput) => void;
  readonly #act: LegacyActionHandler;

  constructor(log: (entry: TrafficInput) => void, act: LegacyActionHandler) {
    this.#log = log;
    this.#act = act;
  }

  /** Call on the iframe's `load` event: a new uniqueLoadId, and the init string posted to the app origin. */
  loaded(
    app: { readonly id: number; readonly title: string },
    url: string,
    portalOrigin: string,
    element: HTMLIFrameElement,
  ): void {
    const origin = originOf(url);
    if (!origin) return;
    const frame: LegacyFrame = {
      appId: app.id,
      title: app.title,
      origin,
      element: () => element,
      loadId: newLoadId(),
    };
    this.#frame = frame;
    const init = legacyInitMessage(portalOrigin, frame.loadId);
    element.contentWindow?.postMessage(init, origin);
    this.#log({ kind: 'legacy-out', label: 'init', source: `legacy ${app.title}`, payload: init });
  }

  forget(): void {
    this.#frame = null;
  }

  /** Handles the message when it comes from the legacy frame's window; false for any other sender. */
  receive(message: IncomingMessage): boolean {
    const frame = this.#frame;
    const window = frame?.element()?.contentWindow;
    if (!frame || !window || message.source !== window) return false;
    const verdict = judgeLegacyMessage(frame, message);
    if (!verdict.accepted) {
      this.#log({
        kind: 'legacy-rejected',
        label: 'rejected',
        source: message.origin,
        payload: message.data,
        note: verdict.reason,
      });
      return true;
    }
    this.#log({
      kind: 'legacy-in',
      label: verdict.action.action,
      source: `legacy ${frame.title}`,
      payload: message.data,
      note: 'the host never replies',
    });
    this.#act(verdict.action);
    return true;
  }
}
