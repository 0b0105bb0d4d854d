/**
 * im.message.add's ATTACH, KEYBOARD and MENU as the host answers them: the rules live in
 * `@imkit/frame/messages` (structure → `*_ERROR`, then 30 KB → `*_OVERSIZE`); this turns a problem into
 * the REST error.
 */
import { type MessagePayloadField, readMessagePayload } from '@imkit/frame/messages';
import { MethodError } from '../method-error.js';

/**
 * Checks one payload; returns the value to store, or undefined when the parameter is absent or empty.
 * Throws the host's `*_ERROR` / `*_OVERSIZE` errors.
 */
export function checkMessagePayload(field: MessagePayloadField, raw: unknown): unknown {
  const read = readMessagePayload(field, raw);
  if (read.ok) return read.value;
  const { code, description } = read.problem;
  throw new MethodError(400, code, description);
}
