/**
 * The legacy chat-app client (HOST-PROTOCOL.md §5): waits for the host's `init` message — a JSON string
 * `{"action":"init","domain":…,"uniqueLoadId":"<digits>"}` — accepted only from the parent window and the
 * launch DOMAIN's exact origin, pins that window, and then posts each action as a JSON string carrying the
 * `uniqueLoadId`. Calls made before `init` wait in a bounded queue and fail with INIT_TIMEOUT when it
 * never comes. The host never replies, so a call resolves once posted.
 */
import { ChatAppError } from './chat-app-error.js';
import { parseChatAppLaunch } from './chat-app-launch.js';

export interface ChatAppOptions {
  /** The window to run in (tests). Default `globalThis.window`. */
  readonly window?: Window;
  /** The portal origin. Default: DOMAIN from the page's launch query. */
  readonly domain?: string;
  /** How long a call waits for `init`, in ms. Default 10000. */
  readonly timeout?: number;
  /** How many calls may wait for `init`. Default 20. */
  readonly maxQueue?: number;
}

export interface ChatApp {
  /** Sends `text` to the chat as the user. */
  send(text: string): Promise<void>;
  /** Puts `text` into the message input. */
  put(text: string): Promise<void>;
  /** Starts a phone call. */
  call(number: string): Promise<void>;
  /** Opens the dialog with an open channel by its code. */
  support(code: string): Promise<void>;
  openDialog(dialogId: string): Promise<void>;
  /** Closes the app's frame. */
  close(): Promise<void>;
  /** Stops listening; queued calls fail with DISPOSED. */
  dispose(): void;
}

type Action = Readonly<Record<string, string>>;

export function connectChatApp(options: ChatAppOptions = {}): ChatApp {
  const win = options.window ?? globalThis.window;
  const domain = options.domain ?? parseChatAppLaunch(win.location.search).domain;
  const queue = new Set<{ action: Action; fail(error: ChatAppError): void; done(): void }>();
  let host: MessageEventSource | null = null;
  let loadId = '';
  let disposed = false;

  const deliver = (action: Action): void => {
    (host as Window).postMessage(JSON.stringify({ ...action, uniqueLoadId: loadId }), domain);
  };

  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== domain || event.source !== win.parent || !event.source) return;
    let data: { action?: unknown; uniqueLoadId?: unknown } = {};
    try {
      data = JSON.parse(event.data);
    } catch {}
    const id = String(data?.uniqueLoadId);
    if (data?.action !== 'init' || !/^\d+$/.test(id)) return;
    host = event.source;
    loadId = id;
    for (const waiting of queue) {
      deliver(waiting.action);
      waiting.done();
    }
  };
  win.addEventListener('message', onMessage);

  /** Posts `{action, [field]: value}` now, or once `init` came. */
  const post = (name: string, field?: string, value?: unknown): Promise<void> =>
    new Promise((resolve, reject) => {
      if (disposed) throw new ChatAppError('DISPOSED', name, `${name}: the client was disposed`);
      const action: Action = field ? { action: name, [field]: value as string } : { action: name };
      if (field && (typeof value !== 'string' || !value)) {
        throw new ChatAppError('INVALID_ARGUMENT', field, `${name}: ${field} must be a non-empty string`);
      }
      if (host) {
        deliver(action);
        return resolve();
      }
      if (queue.size >= (options.maxQueue ?? 20)) {
        throw new ChatAppError('QUEUE_FULL', name, `${name}: too many calls before the host's init`);
      }
      const entry = {
        action,
        fail(error: ChatAppError) {
          clearTimeout(timer);
          queue.delete(entry);
          reject(error);
        },
        done() {
          clearTimeout(timer);
          queue.delete(entry);
          resolve();
        },
      };
      const timeout = options.timeout ?? 10000;
      const timer = setTimeout(
        () =>
          entry.fail(
            new ChatAppError('INIT_TIMEOUT', name, `${name}: no init from the host in ${timeout} ms`),
          ),
        timeout,
      );
      queue.add(entry);
    });

  return {
    send: (text) => post('send', 'message', text),
    put: (text) => post('put', 'message', text),
    call: (number) => post('call', 'number', number),
    support: (code) => post('support', 'code', code),
    openDialog: (dialogId) => post('openDialog', 'dialogId', dialogId),
    close: () => post('close'),
    dispose() {
      disposed = true;
      win.removeEventListener('message', onMessage);
      host = null;
      for (const waiting of queue)
        waiting.fail(new ChatAppError('DISPOSED', 'dispose', 'the client was disposed'));
    },
  };
}
