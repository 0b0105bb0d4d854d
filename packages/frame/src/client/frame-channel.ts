/**
 * The app side of the placement frame protocol: posts commands to the parent window and routes the
 * host's replies back by callback id. A reply is accepted only from `window.parent` and from the exact
 * portal origin; anything else, malformed replies and unknown callback ids are ignored. Methods are typed
 * by the frame command table (host-model/frame-commands.ts, type-only: the table stays out of the bundle).
 */
import type { AnsweredFrameCommand, FrameCommandName } from '../host-model/frame-commands.js';
import { decodeReply, encodeCommand } from '../protocol.js';
import type { FrameError } from '../types.js';
import { newCallbackId } from './callback-id.js';
import { frameFailure } from './frame-failure.js';

export interface FrameChannel {
  /**
   * Posts a command with a fresh callback id. With `onReply`, every reply to that id goes to it until the
   * returned stop function runs (used by `placementBindEvent`); without, the host is not expected to answer.
   */
  send(method: FrameCommandName, params?: unknown, onReply?: (result: unknown) => void): () => void;
  /** Sends a command and resolves with the host's reply; rejects with FRAME_TIMEOUT after `timeout` ms. */
  request(method: AnsweredFrameCommand, params?: unknown, timeout?: number): Promise<unknown>;
  /** Stops listening and rejects pending requests with DISPOSED. */
  dispose(): void;
}

export function openFrameChannel(
  win: Window,
  origin: string,
  appSid: string,
  defaultTimeout: number,
): FrameChannel {
  const parent = win.parent;
  const routes = new Map<string, (result: unknown) => void>();
  const pending = new Set<(error: FrameError) => void>();
  let disposed = false;

  const onMessage = (event: MessageEvent): void => {
    const reply = event.source === parent && event.origin === origin ? decodeReply(event.data) : null;
    if (reply) routes.get(reply.callback)?.(reply.result);
  };
  win.addEventListener('message', onMessage);

  const send: FrameChannel['send'] = (method, params, onReply) => {
    if (disposed) throw frameFailure('DISPOSED', method, 'disposed');
    const callback = newCallbackId();
    parent.postMessage(encodeCommand({ method, params, callback, appSid }), origin);
    if (onReply) routes.set(callback, onReply);
    return () => routes.delete(callback);
  };

  return {
    send,
    request: (method, params, timeout = defaultTimeout) =>
      new Promise((resolve, reject) => {
        // `send` runs first: when it throws (disposed), no timer or route is left behind.
        const stop = send(method, params, (result) => {
          done();
          resolve(result);
        });
        const done = (): void => {
          clearTimeout(timer);
          stop();
          pending.delete(fail);
        };
        const fail = (error: FrameError): void => {
          done();
          reject(error);
        };
        const timer = setTimeout(fail, timeout, frameFailure('FRAME_TIMEOUT', method, 'no reply'));
        pending.add(fail);
      }),
    dispose() {
      disposed = true;
      win.removeEventListener('message', onMessage);
      for (const fail of pending) fail(frameFailure('DISPOSED', 'dispose', 'disposed'));
      routes.clear();
    },
  };
}
