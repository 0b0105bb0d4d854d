/**
 * The host's acceptance check for a placement frame's postMessage (HOST-PROTOCOL.md §4): the sender must
 * be the contentWindow of an iframe the shell opened, the origin must equal that frame's handler origin
 * and the appSid must match it. Anything else is rejected with a reason for the inspector.
 */
import { decodeCommand, type FrameCommand } from '@imkit/frame/protocol';
import type { FrameRegistry, OpenedFrame } from './opened-frame.js';
import { safeEqual } from './safe-equal.js';

export interface IncomingMessage {
  readonly source: unknown;
  readonly origin: string;
  readonly data: unknown;
}

export type FrameMessageVerdict =
  | { readonly accepted: true; readonly frame: OpenedFrame; readonly command: FrameCommand }
  | { readonly accepted: false; readonly reason: string; readonly frame: OpenedFrame | null };

export function judgeFrameMessage(registry: FrameRegistry, message: IncomingMessage): FrameMessageVerdict {
  const frame = registry.bySource(message.source);
  if (!frame) {
    return {
      accepted: false,
      frame: null,
      reason: `sender is not a frame the shell opened (origin ${message.origin})`,
    };
  }
  if (message.origin !== frame.handlerOrigin) {
    return {
      accepted: false,
      frame,
      reason: `origin ${message.origin} is not the handler origin ${frame.handlerOrigin}`,
    };
  }
  const command = decodeCommand(message.data);
  if (!command)
    return { accepted: false, frame, reason: 'not a frame command (method:params:callback:appSid)' };
  if (!safeEqual(command.appSid, frame.appSid)) {
    return {
      accepted: false,
      frame,
      reason: `appSid ${command.appSid.slice(0, 40)} does not match the frame`,
    };
  }
  return { accepted: true, frame, command };
}
