/**
 * `batch`: at most 50 commands `cmd[key]=method?query` (PHP-style brackets in the query; `cmd` may also
 * be a JSON list, whose keys are then 0, 1, …), run in order with the caller's own authorization; `halt`
 * stops at the first error. A parameter may use an earlier command's answer as
 * `$result[key][field][0]…` (also `$result_error`, `$result_total`, `$result_next`): a parameter that is
 * exactly one reference takes the referenced value, lists and objects included; a reference inside a
 * longer text is replaced by the referenced scalar. A reference to nothing is left as written (our
 * choice; the docs do not say). Source: bitrix24/b24restdocs api-reference/how-to-call-rest-api/batch.md
 * ("$result[request_id][response_field]", and the empty result_error/result_next as `[]` in its answers).
 *
 * The five result blocks are PHP arrays as the host's json_encode writes them: empty → `[]`, keys 0…n-1
 * in order → a JSON list, anything else → an object.
 */
import { MethodError } from '../method-error.js';
import type { OperatingUsage } from '../operating-time.js';
import { paramFlag } from './param-readers.js';
import { isTree, type ParamTree, parseQueryString } from './php-params.js';
import { restTime } from './rest-time.js';

export const maxBatchCommands = 50;

export interface MethodOutcome {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** The method's operating time so far (absent for batch itself and for refused calls). */
  readonly usage?: OperatingUsage;
}

export type ExecuteCommand = (method: string, params: ParamTree) => Promise<MethodOutcome>;

/** A PHP array's JSON: `[]` when empty, a list for keys 0…n-1 in order, an object otherwise. */
export function phpArrayJson(entries: ReadonlyArray<readonly [string, unknown]>): unknown[] | ParamTree {
  if (entries.every(([key], index) => key === String(index))) return entries.map(([, value]) => value);
  return Object.fromEntries(entries);
}

type Blocks = Record<'result' | 'result_error' | 'result_total' | 'result_next', Map<string, unknown>>;

const reference = /\$(result_error|result_total|result_next|result)((?:\[[^\][]*\])+)/g;

/** The value a reference points at, or undefined when it points at nothing. */
function lookup(blocks: Blocks, block: keyof Blocks, path: string): unknown {
  const keys = [...path.matchAll(/\[([^\][]*)\]/g)].map((match) => match[1]!);
  let value: unknown = blocks[block].get(keys[0]!);
  for (const key of keys.slice(1)) {
    if (Array.isArray(value)) value = value[Number(key)];
    else if (isTree(value) && Object.hasOwn(value, key)) value = value[key];
    else return undefined;
  }
  return value;
}

/** A referenced value as a request parameter: lists and objects as PHP arrays, scalars as text. */
function asParam(value: unknown): unknown {
  if (Array.isArray(value))
    return Object.fromEntries(value.map((item, index) => [String(index), asParam(item)]));
  if (isTree(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asParam(item)]));
  if (typeof value === 'boolean') return value ? '1' : '';
  return value === null ? '' : String(value);
}

function substitute(value: unknown, blocks: Blocks): unknown {
  if (isTree(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, blocks)]));
  if (typeof value !== 'string' || !value.includes('$result')) return value;
  const whole = new RegExp(`^${reference.source}$`).exec(value);
  if (whole !== null) {
    const found = lookup(blocks, whole[1] as keyof Blocks, whole[2]!);
    return found === undefined ? value : asParam(found);
  }
  return value.replace(reference, (text, block: keyof Blocks, path: string) => {
    const found = lookup(blocks, block, path);
    return found === undefined || typeof found === 'object' ? text : String(asParam(found));
  });
}

function commandsOf(cmd: unknown): Array<readonly [string, unknown]> {
  if (Array.isArray(cmd)) return cmd.map((command, index) => [String(index), command] as const);
  if (isTree(cmd)) return Object.entries(cmd);
  if (cmd === undefined || cmd === '') return [];
  throw new MethodError(400, 'ERROR_ARGUMENT', "The value of an argument 'cmd' must be of type array", {
    argument: 'cmd',
  });
}

export async function runBatch(params: ParamTree, execute: ExecuteCommand): Promise<MethodOutcome> {
  const commands = commandsOf(params.cmd);
  if (commands.length > maxBatchCommands)
    throw new MethodError(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded');
  const halt = paramFlag(params.halt, false);
  const blocks: Blocks = {
    result: new Map(),
    result_error: new Map(),
    result_total: new Map(),
    result_next: new Map(),
  };
  const times = new Map<string, unknown>();
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
      const query = parseQueryString(at < 0 ? '' : command.slice(at + 1));
      outcome = await execute(method, substitute(query, blocks) as ParamTree);
    }
    if (outcome.status === 200 && !('error' in outcome.body)) {
      times.set(key, restTime(started, Date.now(), outcome.usage)); // the docs' answers time only the commands that succeeded
      blocks.result.set(key, outcome.body.result);
      if ('total' in outcome.body) blocks.result_total.set(key, outcome.body.total);
      if ('next' in outcome.body) blocks.result_next.set(key, outcome.body.next);
    } else {
      blocks.result_error.set(key, {
        error: outcome.body.error,
        error_description: outcome.body.error_description,
      });
      if (halt) break;
    }
  }
  const json = (map: Map<string, unknown>) => phpArrayJson([...map.entries()]);
  return {
    status: 200,
    body: {
      result: {
        result: json(blocks.result),
        result_error: json(blocks.result_error),
        result_total: json(blocks.result_total),
        result_next: json(blocks.result_next),
        result_time: json(times),
      },
    },
  };
}
