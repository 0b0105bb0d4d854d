/** Runs one REST method for an authenticated caller: lookup, scope check, handler, host-shaped errors. */

import { MethodError } from '../method-error.js';
import type { EmulatorRuntime } from '../runtime.js';
import { type MethodOutcome, runBatch } from './batch.js';
import { ListResult } from './list-result.js';
import { findMethod } from './method-registry.js';
import type { ParamTree } from './php-params.js';
import type { RestAuth } from './rest-auth.js';

export type { MethodOutcome } from './batch.js';

async function execute(
  method: string,
  params: ParamTree,
  auth: RestAuth,
  runtime: EmulatorRuntime,
  inBatch: boolean,
): Promise<MethodOutcome> {
  if (method.toLowerCase() === 'batch') {
    if (inBatch)
      throw new MethodError(400, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage');
    return runBatch(params, (name, commandParams) => runMethod(name, commandParams, auth, runtime, true));
  }
  const entry = findMethod(method);
  if (entry === undefined) throw new MethodError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
  if (entry.scope !== null && !auth.scopes.includes(entry.scope)) {
    throw new MethodError(
      401,
      'insufficient_scope',
      'The request requires higher privileges than provided by the access token',
    );
  }
  const result = await entry.run({ method, params, auth, runtime, inBatch });
  if (result instanceof ListResult) {
    return {
      status: 200,
      body: {
        result: result.items,
        total: result.total,
        ...(result.next === null ? {} : { next: result.next }),
      },
    };
  }
  return { status: 200, body: { result } };
}

/**
 * Runs one method and never throws: host-shaped errors, a 500 for a bug. Every method but `batch` itself
 * is counted toward the operating-time limit (refused first when it has used up its budget).
 */
export async function runMethod(
  method: string,
  params: ParamTree,
  auth: RestAuth,
  runtime: EmulatorRuntime,
  inBatch = false,
): Promise<MethodOutcome> {
  const counted = method.toLowerCase() !== 'batch';
  const started = Date.now();
  let outcome: MethodOutcome;
  try {
    if (counted) runtime.operating.check(method);
    outcome = await execute(method, params, auth, runtime, inBatch);
  } catch (error) {
    if (error instanceof MethodError) {
      // A call refused by the limit did not run, so it is not counted.
      if (error.error === 'OPERATION_TIME_LIMIT') {
        runtime.stats.restRefused(error.error);
        return { status: error.status, body: error.body() };
      }
      outcome = { status: error.status, body: error.body() };
    } else {
      console.error(`[emulator] ${method} failed:`, error);
      outcome = {
        status: 500,
        body: { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' },
      };
    }
  }
  if (!counted) return outcome;
  const seconds = (Date.now() - started + runtime.faults.operatingMsPerCall) / 1000;
  return { ...outcome, usage: runtime.operating.record(method, seconds) };
}
