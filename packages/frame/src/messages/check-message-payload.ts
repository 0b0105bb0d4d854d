/**
 * One check for ATTACH, KEYBOARD and MENU, in the host's order: structure first (`*_ERROR`), then the
 * 30 KB size (`*_OVERSIZE`). Apps call it before sending; the emulator answers `im.message.add` with it.
 */
import { attachProblem } from './attach-rules.js';
import { buttonsProblem } from './button-rules.js';
import type { AttachPayload, ButtonRowBreak, KeyboardButton, MenuItem } from './message-payload-types.js';
import {
  invalidPayload,
  type MessagePayloadField,
  type MessagePayloadProblem,
  oversizePayload,
} from './payload-problem.js';
import { encodedSize, messagePayloadSizeLimit } from './payload-size.js';

/** The problem the host would answer for this (decoded) value, or null when it accepts it. */
export function checkMessagePayload(
  field: MessagePayloadField,
  value: unknown,
): MessagePayloadProblem | null {
  const structure = field === 'ATTACH' ? attachProblem(value) : buttonsProblem(value, field);
  if (structure !== null) return invalidPayload(field, structure);
  const size = encodedSize(value);
  if (size === null) return invalidPayload(field, `${field} has no JSON form`);
  if (size > messagePayloadSizeLimit) {
    return oversizePayload(field, `${size} bytes > ${messagePayloadSizeLimit}`);
  }
  return null;
}

export function checkAttach(attach: AttachPayload): MessagePayloadProblem | null {
  return checkMessagePayload('ATTACH', attach);
}

export function checkKeyboard(
  buttons: readonly (KeyboardButton | ButtonRowBreak)[],
): MessagePayloadProblem | null {
  return checkMessagePayload('KEYBOARD', buttons);
}

export function checkMenu(items: readonly (MenuItem | ButtonRowBreak)[]): MessagePayloadProblem | null {
  return checkMessagePayload('MENU', items);
}
