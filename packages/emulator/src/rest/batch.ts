/**
 * `batch`: at most 50 commands `cmd[key]=method?query` (PHP-style brackets in the query), run in order
 * with the caller's own authorization; `halt` stops at the first error. References to earlier results
 * (`$result[key]`) are not substituted.
 */
import { MethodError } from './method-error.js';
import { paramFlag } from './param-readers.js';
import { isTree, type ParamTree, parseQueryString } from './php-params.js';
import { restTime } from './rest-time.js';

export const maxBatchCommands = 50;

export interface MethodOutcome {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export type ExecuteCommand = (method: string, params: ParamTree) => Promise<MethodOutcome>;

export async function runBatch(params: ParamTree, execute: ExecuteCommand): Promise<MethodOutcome> {
  const cmd = params.cmd;
  const commands = isTree(cmd) ? Object.entries(cmd) : [];
  if (cmd !== undefined && cmd !== '' && !isTree(cmd)) {
    throw new MethodError(400, 'ERROR_ARGUMENT', "The value of an argument 'cmd' must be of type array", {
      argument: 'cmd',
    });
  }
  if (commands.length > maxBatchCommands)
    throw new MethodError(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded');
  const halt = paramFlag(params.halt, false);
  const result: Record<string, unknown> = {};
  const resultError: Record<string, unknown> = {};
  const resultTotal: Record<string, unknown> = {};
  const resultNext: Record<string, unknown> = {};
  const resultTime: Record<string, unknown> = {};
  for (const [key, command] of commands) {
    const started = Date.now();
    let outcome: MethodOutcome;
    if (typeof command !== 'string' || command.trim() === '') {
      outcome = {
        status: 400,
        body: { error: 'ERROR_ARGUMENT', error_description: `Command ${key} is not a "method?query" string` },
      };
    } else {
      const at = command.indexOf('?');
      const method = (at < 0 ? command : command.slice(0, at)).trim();
      outcome = await execute(method, parseQueryString(at < 0 ? '' : command.slice(at + 1)));
    }
    resultTime[key] = restTime(started);
    if (outcome.status === 200 && !('error' in outcome.body)) {
      result[key] = outcome.body.result;
      if ('total' in outcome.body) resultTotal[key] = outcome.body.total;
      if ('next' in outcome.body) resultNext[key] = outcome.body.next;
    } else {
      resultError[key] = { error: outcome.body.error, error_description: outcome.body.error_description };
      if (halt) break;
    }
  }
  return {
    status: 200,
    body: {
      result: {
        result,
        result_error: resultError,
        result_total: resultTotal,
        result_next: resultNext,
        result_time: resultTime,
      },
    },
  };
}
