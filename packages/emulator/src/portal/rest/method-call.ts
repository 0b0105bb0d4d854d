/** What a REST method handler receives, and the registry entry it is listed with. */
import type { EmulatorRuntime } from '../runtime.js';
import type { Scope } from '../state/portal-state.js';
import type { ParamTree } from './php-params.js';
import type { RestAuth } from './rest-auth.js';

export interface MethodCall {
  readonly method: string;
  readonly params: ParamTree;
  readonly auth: RestAuth;
  readonly runtime: EmulatorRuntime;
  /** Whether this call runs as one command of a `batch`. */
  readonly inBatch: boolean;
}

export interface RestMethod {
  /** The scope the token needs; null for methods every application may call. */
  readonly scope: Scope | null;
  readonly run: (call: MethodCall) => unknown | Promise<unknown>;
}

export type MethodTable = Readonly<Record<string, RestMethod>>;
