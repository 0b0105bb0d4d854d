/**
 * A scripted portal for tests: keeps bindings with the host's `placement.bind` rules (`checkPlacementBind`
 * from @imkit/frame), answers `placement.get/bind/unbind`, records every request, and lets a test inject
 * faults per request or per command.
 */

import {
  type BatchItemResult,
  type RestCaller,
  type RestCommand,
  RestError,
  type RestErrorInfo,
  type RestParams,
} from '@imkit/frame';
import { type CheckedBinding, checkPlacementBind } from '@imkit/frame/placements';

export interface StoredRow {
  placement: string;
  userId: number;
  handler: string;
  options: Record<string, string>;
  title: string;
  description: string;
  langAll: Record<string, Record<string, string>>;
}

export interface RecordedRequest {
  readonly kind: 'call' | 'batch';
  /** `placement.get` for a call; the batch's commands as `method handler` strings, in order. */
  readonly commands: readonly string[];
}

export type Outcome = { ok: true; result: unknown } | { ok: false; error: RestErrorInfo };

export interface FakePortal {
  readonly rows: StoredRow[];
  readonly requests: RecordedRequest[];
  readonly rest: RestCaller;
  /** Rejects the next whole requests of that kind with these errors, in order. */
  readonly requestFaults: { kind: 'call' | 'batch'; error: RestErrorInfo }[];
  /** Answers a command with an error instead of running it; return null to run it normally. */
  commandFault: ((method: string, params: RestParams, kind: 'call' | 'batch') => RestErrorInfo | null) | null;
  /** Changes what a successful bind stores (a portal that does not keep what it was given). */
  storeFilter: ((row: StoredRow) => StoredRow) | null;
  /** Runs one command against the stored rows. */
  exec(method: string, params: RestParams): Outcome;
}

export function rowFromBinding(binding: CheckedBinding): StoredRow {
  return {
    placement: binding.placement,
    userId: 0,
    handler: binding.handler,
    options: { ...(binding.options as Record<string, string>) },
    title: binding.title,
    description: binding.description,
    langAll: JSON.parse(JSON.stringify(binding.langAll)) as Record<string, Record<string, string>>,
  };
}

function hostFailure(method: string, code: string, description: string, status: number): Outcome {
  return { ok: false, error: { code, description, status, method } };
}

export function createFakePortal(initial: StoredRow[] = []): FakePortal {
  const takeFault = (kind: 'call' | 'batch'): RestErrorInfo | undefined =>
    portal.requestFaults[0]?.kind === kind ? portal.requestFaults.shift()?.error : undefined;
  const portal: FakePortal = {
    rows: [...initial],
    requests: [],
    requestFaults: [],
    commandFault: null,
    storeFilter: null,
    exec(method, params) {
      if (method === 'placement.get') return { ok: true, result: structuredClone(portal.rows) };
      if (method === 'placement.unbind') {
        const before = portal.rows.length;
        const keep = portal.rows.filter(
          (row) =>
            row.placement !== params.PLACEMENT ||
            (params.HANDLER !== undefined && row.handler !== params.HANDLER),
        );
        portal.rows.splice(0, portal.rows.length, ...keep);
        return { ok: true, result: { count: (before - keep.length) * 2 } };
      }
      if (method === 'placement.bind') {
        const checked = checkPlacementBind(params);
        if (!checked.ok) {
          const e = checked.error;
          return hostFailure(method, e.error, e.error_description, e.status);
        }
        const row = rowFromBinding(checked.binding);
        if (portal.rows.some((r) => r.placement === row.placement && r.handler === row.handler)) {
          return hostFailure(
            method,
            'ERROR_CORE',
            'Unable to set placement handler: Handler already binded',
            400,
          );
        }
        portal.rows.push(portal.storeFilter ? portal.storeFilter(row) : row);
        return { ok: true, result: true };
      }
      return hostFailure(method, 'ERROR_METHOD_NOT_FOUND', 'Method not found!', 404);
    },
    rest: {
      call: async <T>(method: string, params: RestParams = {}) => {
        portal.requests.push({ kind: 'call', commands: [method] });
        const fault = takeFault('call');
        if (fault) throw new RestError(fault);
        const injected = portal.commandFault?.(method, params, 'call');
        const outcome = injected ? ({ ok: false, error: injected } as const) : portal.exec(method, params);
        if (!outcome.ok) throw new RestError(outcome.error);
        return outcome.result as T;
      },
      batch: async (commands: Readonly<Record<string, RestCommand>>) => {
        portal.requests.push({
          kind: 'batch',
          commands: Object.values(commands).map((c) =>
            c.params?.HANDLER === undefined ? c.method : `${c.method} ${String(c.params.HANDLER)}`,
          ),
        });
        if (Object.keys(commands).length > 50) throw new Error('more than 50 commands in one batch');
        const fault = takeFault('batch');
        if (fault) throw new RestError(fault);
        const out: Record<string, BatchItemResult> = {};
        for (const [key, command] of Object.entries(commands)) {
          const params = command.params ?? {};
          const injected = portal.commandFault?.(command.method, params, 'batch');
          out[key] = injected ? { ok: false, error: injected } : portal.exec(command.method, params);
        }
        return out;
      },
    },
  };
  return portal;
}

export const rateLimited: RestErrorInfo = {
  code: 'QUERY_LIMIT_EXCEEDED',
  description: 'Too many requests',
  status: 503,
  method: 'batch',
};

/** A retry policy that never really waits and records the delays asked for. */
export function instantRetry(attempts = 5): {
  attempts: number;
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  delays: number[];
} {
  const delays: number[] = [];
  return {
    attempts,
    baseDelayMs: 100,
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}
