/**
 * Browser code of the launch bench's harness page, served on the emulator's origin: it does what the
 * shell does to open a placement — `POST /emulator/api/launch`, then the host's form POST into a named
 * iframe — and answers the frame's commands like the host: only from that iframe (`event.source`), only
 * from the handler's origin, only with the launch's appSid, state commands through
 * `POST /emulator/api/frame`, every request with a timeout. `launch()` resolves the absolute time of the
 * form submit.
 */
import { decodeCommand, encodeReply, type FrameCommand } from '@imkit/frame/protocol';

interface LaunchAnswer {
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly frameName: string;
  readonly appSid: string;
  readonly handlerOrigin: string;
}

interface OpenFrame {
  readonly iframe: HTMLIFrameElement;
  readonly form: HTMLFormElement;
  readonly appSid: string;
  readonly handlerOrigin: string;
}

export interface BenchHarness {
  launch(bindingId: number, dialogId: string): Promise<number>;
  clear(): void;
}

declare global {
  interface Window {
    benchHarness: BenchHarness;
  }
}

const requestTimeoutMs = 5000;
let current: OpenFrame | null = null;

function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

async function postJson(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function readLaunch(value: unknown): LaunchAnswer {
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  for (const key of ['action', 'frameName', 'appSid', 'handlerOrigin'] as const) {
    if (typeof o[key] !== 'string') throw new Error(`launch answer: ${key} is not a string`);
  }
  if (typeof o.fields !== 'object' || o.fields === null)
    throw new Error('launch answer: fields is not an object');
  return o as unknown as LaunchAnswer;
}

async function answer(frame: OpenFrame, command: FrameCommand): Promise<void> {
  const reply = (await postJson('/emulator/api/frame', {
    appSid: frame.appSid,
    method: command.method,
    params: command.params,
  })) as Record<string, unknown>;
  if (reply.silent === true || current !== frame) return;
  frame.iframe.contentWindow?.postMessage(encodeReply(command.callback, reply.reply), frame.handlerOrigin);
}

window.addEventListener('message', (event: MessageEvent) => {
  const frame = current;
  if (frame === null || event.source !== frame.iframe.contentWindow || event.origin !== frame.handlerOrigin)
    return;
  const command = decodeCommand(event.data);
  if (command === null || !sameString(command.appSid, frame.appSid)) return;
  answer(frame, command).catch(() => {});
});

function clear(): void {
  current?.iframe.remove();
  current?.form.remove();
  current = null;
}

async function launch(bindingId: number, dialogId: string): Promise<number> {
  clear();
  const launched = readLaunch(await postJson('/emulator/api/launch', { bindingId, dialogId }));
  const iframe = document.createElement('iframe');
  iframe.name = launched.frameName;
  iframe.width = '400';
  iframe.height = '600';
  document.body.append(iframe);
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = launched.action;
  form.target = launched.frameName;
  for (const [name, value] of Object.entries(launched.fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  current = { iframe, form, appSid: launched.appSid, handlerOrigin: launched.handlerOrigin };
  const submittedAt = performance.timeOrigin + performance.now();
  form.submit();
  return submittedAt;
}

window.benchHarness = { launch, clear };
