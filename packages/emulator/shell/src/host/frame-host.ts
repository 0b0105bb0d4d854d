/**
 * The parent side of the placement frame protocol (HOST-PROTOCOL.md §4). Every message is judged
 * (source, origin, appSid), routed (portal state, shell UI, refused, unknown) and answered with
 * `encodeReply` to the frame's handler origin, or deliberately not answered where the real host is silent.
 */

import type { FrameCommand } from '@imkit/frame/protocol';
import { encodeReply } from '@imkit/frame/protocol';
import type { DevAids } from '../../../src/private-api/contract.js';
import type { TrafficInput } from '../inspector/traffic-log.js';
import type { PortalCommandAnswer } from '../portal/portal-api.js';
import { isObject } from '../portal/read-fields.js';
import { routeCommand, type ShellCommandName } from './command-policy.js';
import { type IncomingMessage, judgeFrameMessage } from './judge-frame-message.js';
import type { FrameRegistry, OpenedFrame } from './opened-frame.js';
import { PlacementEvents } from './placement-events.js';
import {
  getTextareaContent,
  readSetTextareaParams,
  requestIdOf,
  setTextareaContent,
  type TextareaTarget,
} from './textarea-commands.js';

export interface PickedUser {
  readonly id: string;
  readonly name: string;
  readonly photo: string;
}

/** What the shell's UI does for the host. */
export interface HostUi {
  portalCommand(appSid: string, method: string, params: unknown): Promise<PortalCommandAnswer>;
  /** Applies a size to the frame's iframe and returns the size measured afterwards. */
  resize(frame: OpenedFrame, width: number | null, height: number | null): { width: number; height: number };
  openDialog(dialogId: string): void;
  notify(text: string): void;
  closeFrame(frame: OpenedFrame): void;
  /** Opens a portal path when the shell knows it (chat links); false otherwise. */
  openPath(path: string): boolean;
  /** Shows the user picker; null when cancelled. */
  pickUsers(multiple: boolean): Promise<PickedUser[] | null>;
  textarea(): TextareaTarget;
  /** The development aids that are on (behaviour a portal lacks). */
  devAids(): DevAids;
}

/** The inspector's mark for a behaviour listed in the README's "Where the emulator still differs" table. */
export const differs = '⚑ differs from a portal (emulator README: where the emulator still differs)';

export type TrafficSink = (entry: TrafficInput) => void;

function param(params: unknown, key: string): unknown {
  return isObject(params) ? params[key] : undefined;
}

function stringParam(params: unknown, key: string): string {
  const value = param(params, key);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function sizeParam(params: unknown, key: string): number | null {
  const value = param(params, key);
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

export function frameLabel(frame: OpenedFrame): string {
  return `${frame.placement} ${frame.title} (${frame.appSid.slice(0, 8)}…)`;
}

export class FrameHost {
  readonly events = new PlacementEvents();
  readonly #registry: FrameRegistry;
  readonly #ui: HostUi;
  readonly #log: TrafficSink;

  constructor(registry: FrameRegistry, ui: HostUi, log: TrafficSink) {
    this.#registry = registry;
    this.#ui = ui;
    this.#log = log;
  }

  /** Handles one `message` event from the window. Returns true when it came from a placement frame. */
  receive(message: IncomingMessage): boolean {
    const verdict = judgeFrameMessage(this.#registry, message);
    if (!verdict.accepted) {
      this.#log({
        kind: 'frame-rejected',
        label: 'rejected',
        source: verdict.frame ? frameLabel(verdict.frame) : message.origin,
        payload: message.data,
        note: verdict.reason,
      });
      return false;
    }
    void this.#dispatch(verdict.frame, verdict.command, message.data);
    return true;
  }

  /** Answers every `placementBindEvent` subscriber of `event` again; returns how many were answered. */
  emit(event: string, data: unknown, accepts: (frame: OpenedFrame) => boolean = () => true): number {
    let answered = 0;
    if (!this.#ui.devAids().placementEvents) return 0;
    for (const subscription of this.events.subscribers(event)) {
      const frame = this.#registry.get(subscription.frameKey);
      if (!frame || !accepts(frame)) continue;
      this.#reply(
        frame,
        subscription.callback,
        data,
        `event ${event}`,
        'development aid placementEvents — not a portal behaviour',
      );
      answered++;
    }
    return answered;
  }

  forget(frameKey: string): void {
    this.events.forgetFrame(frameKey);
    this.#registry.remove(frameKey);
  }

  #reply(frame: OpenedFrame, callback: string, result: unknown, label: string, note?: string): void {
    const target = frame.element()?.contentWindow;
    const data = encodeReply(callback, result);
    if (!target) return;
    target.postMessage(data, frame.handlerOrigin);
    this.#log({ kind: 'frame-out', label, source: frameLabel(frame), payload: data, reply: result, note });
  }

  #silent(frame: OpenedFrame, command: FrameCommand, raw: unknown, note: string): void {
    this.#log({ kind: 'frame-in', label: command.method, source: frameLabel(frame), payload: raw, note });
  }

  async #dispatch(frame: OpenedFrame, command: FrameCommand, raw: unknown): Promise<void> {
    const route = routeCommand(command.method, frame.placement);
    if (route.route === 'refused' || route.route === 'unknown') {
      this.#silent(frame, command, raw, `⚠ ${route.reason}`);
      return;
    }
    this.#log({ kind: 'frame-in', label: command.method, source: frameLabel(frame), payload: raw });
    const reply = (result: unknown) => this.#reply(frame, command.callback, result, command.method);
    if (route.route === 'portal') {
      try {
        const answer = await this.#ui.portalCommand(frame.appSid, command.method, command.params);
        if (answer.silent)
          this.#silent(frame, command, raw, 'the portal does not answer this call (silence)');
        else reply(answer.reply);
      } catch (error) {
        this.#silent(
          frame,
          command,
          raw,
          `emulator API failed: ${error instanceof Error ? error.message : error}`,
        );
      }
      return;
    }
    await this.#shellCommand(route.method, frame, command, raw, reply);
  }

  /** One case per shell command of the table: the compiler refuses a table line the shell does not handle. */
  async #shellCommand(
    method: ShellCommandName,
    frame: OpenedFrame,
    command: FrameCommand,
    raw: unknown,
    reply: (result: unknown) => void,
  ): Promise<void> {
    const { params } = command;
    switch (method) {
      case 'getInterface':
        reply({ command: [], event: [] });
        return;
      case 'resizeWindow':
        reply(this.#ui.resize(frame, sizeParam(params, 'width'), sizeParam(params, 'height')));
        return;
      case 'imCallTo': {
        const video = param(params, 'video');
        this.#ui.notify(
          `${video === false ? 'Audio' : 'Video'} call to user ${stringParam(params, 'userId')} (emulated)`,
        );
        return;
      }
      case 'imPhoneTo':
        this.#ui.notify(`Phone call to ${stringParam(params, 'phone')} (emulated)`);
        return;
      case 'imOpenMessenger':
      case 'imOpenHistory': {
        const dialogId = stringParam(params, 'dialogId');
        if (dialogId) this.#ui.openDialog(dialogId);
        if (command.method === 'imOpenHistory')
          this.#ui.notify(`History of ${dialogId} (emulated: the dialog opens)`);
        return;
      }
      case 'openPath':
        reply(
          this.#ui.openPath(stringParam(params, 'path'))
            ? { result: 'close' }
            : { result: 'error', errorCode: 'PATH_NOT_AVAILABLE' },
        );
        return;
      case 'closeApplication':
        this.#ui.closeFrame(frame);
        return;
      case 'openApplication':
      case 'showAppForm':
        this.#ui.notify(`${command.method}: the emulator does not open the app's own slider`);
        this.#silent(frame, command, raw, `${command.method} is not emulated (no reply) ${differs}`);
        return;
      case 'selectAccess':
      case 'selectCRM':
      case 'setTitle':
      case 'setScroll':
      case 'reloadWindow':
        this.#silent(frame, command, raw, `${command.method} is not emulated here (no reply) ${differs}`);
        return;
      case 'placementBindEvent': {
        // A portal's IM placements report no events (getInterface → event: []), so by default the
        // subscription is never answered. The development aid answers `message`, marked as such.
        if (!this.#ui.devAids().placementEvents) {
          this.#silent(
            frame,
            command,
            raw,
            "no reply: a portal's IM placements report no events (development aid placementEvents is off)",
          );
          return;
        }
        const event = stringParam(params, 'event');
        if (event) this.events.bind(frame.key, event, command.callback);
        return;
      }
      case 'selectUser': {
        const multiple = param(params, 'mult') === true || param(params, 'mult') === 'Y';
        const users = await this.#ui.pickUsers(multiple);
        if (users) reply(multiple ? users : users[0]);
        return;
      }
      case 'im:getImTextareaContent':
        reply(getTextareaContent(this.#ui.textarea(), requestIdOf(params, raw)));
        return;
      case 'im:setImTextareaContent':
        reply(
          setTextareaContent(this.#ui.textarea(), readSetTextareaParams(params), requestIdOf(params, raw)),
        );
        return;
      default: {
        const unhandled: never = method;
        this.#silent(frame, command, raw, `⚠ unknown command ${String(unhandled)} (no reply)`);
      }
    }
  }
}
