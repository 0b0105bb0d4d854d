/**
 * Reading ATTACH, KEYBOARD or MENU as a REST parameter: absent or empty means "none"; a string is JSON
 * (the host decodes it like `GetAttachByJson`; broken JSON is `*_ERROR`); the value is then checked.
 */
import { checkMessagePayload } from './check-message-payload.js';
import { invalidPayload, type MessagePayloadField, type MessagePayloadProblem } from './payload-problem.js';

export type MessagePayloadRead =
  /** `value` is undefined when the parameter was absent or empty. */
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: MessagePayloadProblem };

export function readMessagePayload(field: MessagePayloadField, raw: unknown): MessagePayloadRead {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: undefined };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return { ok: false, problem: invalidPayload(field, `${field} is a string but not JSON`) };
    }
  }
  const problem = checkMessagePayload(field, value);
  return problem === null ? { ok: true, value } : { ok: false, problem };
}
