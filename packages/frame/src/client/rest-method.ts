/** Validates a REST method name before it goes into a URL or a batch command. */
import { RestError } from '../rest-error.js';

export function checkMethod(method: unknown): string {
  if (typeof method === 'string' && /^\w+(\.\w+)*$/.test(method)) return method;
  throw new RestError({
    code: 'INVALID_ARGUMENT',
    description: 'invalid method name',
    status: 0,
    method: String(method),
  });
}
