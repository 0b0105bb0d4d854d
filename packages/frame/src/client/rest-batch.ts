/**
 * `batch` over any number of commands: at most 50 per request (the host's limit), split and merged;
 * each key maps to its own `BatchItemResult`. With `halt`, commands after the first failure are
 * reported as `NOT_EXECUTED`.
 */
import { type BatchItemResult, type RestCommand, type RestParams, toQueryString } from '../rest-types.js';
import { text } from './reply-fields.js';
import { checkMethod } from './rest-method.js';

export const batchLimit = 50;

/** PHP sends empty or list-keyed maps as JSON arrays; both index by key. */
const keyed = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value ? (value as Record<string, unknown>) : {};

export async function runBatch(
  call: (method: string, params?: RestParams) => Promise<unknown>,
  commands: Readonly<Record<string, RestCommand>>,
  halt: boolean,
): Promise<Record<string, BatchItemResult>> {
  const keys = Object.keys(commands);
  const cmd: Record<string, string> = {};
  for (const key of keys) {
    const command = keyed(commands[key]);
    const query = toQueryString(keyed(command.params));
    cmd[key] = checkMethod(command.method) + (query && `?${query}`);
  }
  const out: Record<string, BatchItemResult> = {};
  let halted = false;
  for (let start = 0; start < keys.length; start += batchLimit) {
    const chunk = keys.slice(start, start + batchLimit);
    const reply = halted
      ? {}
      : keyed(
          await call('batch', { halt: +halt, cmd: Object.fromEntries(chunk.map((key) => [key, cmd[key]])) }),
        );
    const results = keyed(reply.result);
    const errors = keyed(reply.result_error);
    for (const key of chunk) {
      const method = commands[key]!.method;
      const error = keyed(errors[key]);
      out[key] = Object.hasOwn(errors, key)
        ? {
            ok: false,
            error: {
              code: text(error.error) || 'ERROR',
              description: text(error.error_description),
              status: 200,
              method,
            },
          }
        : Object.hasOwn(results, key)
          ? { ok: true, result: results[key] }
          : { ok: false, error: { code: 'NOT_EXECUTED', description: '', status: 0, method } };
      halted ||= halt && !out[key].ok;
    }
  }
  return out;
}
