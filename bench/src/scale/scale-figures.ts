/**
 * The scale part's figures, computed from what was observed: the OAuth exchanges the witness saw, the
 * REST answers the emulator gave, the install episodes around the kill and the portal's bindings.
 */
import type { OAuthExchange } from './oauth-witness.js';

export interface RefreshCount {
  /** Refresh attempts of the fleet (install proofs excluded), granted or refused. */
  readonly refreshes: number;
  /** Distinct token pairs whose refresh token the fleet presented: each is one expiry it acted on. */
  readonly expiries: number;
  /** Attempts the OAuth server refused (a refresh token already used by another process…). */
  readonly refused: number;
  /** Attempts made with a token that had not expired yet. */
  readonly early: number;
}

/**
 * `proofRefreshTokens` are the refresh tokens the bench itself put into install events: their exchange is
 * the server proving the install, not a refresh. `expiresOf` maps a refresh token to its pair's expiry
 * (unix seconds), when known.
 */
export function countRefreshes(
  exchanges: readonly OAuthExchange[],
  proofRefreshTokens: ReadonlySet<string>,
  expiresOf: (refreshToken: string) => number | undefined,
): RefreshCount {
  const refreshes = exchanges.filter((e) => !proofRefreshTokens.has(e.refreshToken));
  const expiries = new Set(refreshes.map((e) => e.refreshToken)).size;
  const refused = refreshes.filter((e) => e.grant === null).length;
  const early = refreshes.filter((e) => {
    const expires = expiresOf(e.refreshToken);
    return expires !== undefined && e.at < expires * 1000;
  }).length;
  return { refreshes: refreshes.length, expiries, refused, early };
}

/** Refreshes per expiry; NaN when nothing expired (the figure then says so). */
export function refreshesPerExpiry(count: RefreshCount): number {
  return count.expiries === 0 ? Number.NaN : count.refreshes / count.expiries;
}

/** One REST answer as the emulator reports it (`traffic`). */
export interface RestAnswer {
  readonly status: number;
  readonly error: string | null;
}

/** Calls the portal refused for its limits: 503 `QUERY_LIMIT_EXCEEDED` and 429 `OPERATION_TIME_LIMIT`. */
export function countLimitRefusals(answers: readonly RestAnswer[]): {
  queryLimit: number;
  operatingTime: number;
} {
  let queryLimit = 0;
  let operatingTime = 0;
  for (const answer of answers) {
    if (answer.status === 503 && answer.error === 'QUERY_LIMIT_EXCEEDED') queryLimit++;
    else if (answer.status === 429 && answer.error === 'OPERATION_TIME_LIMIT') operatingTime++;
  }
  return { queryLimit, operatingTime };
}

/** A (placement, handler) pair: what one declaration binds and what one portal binding is. */
export interface BindingKey {
  readonly placement: string;
  readonly handler: string;
}

const keyOf = (binding: BindingKey) => `${binding.placement} ${binding.handler}`;

/**
 * How far the portal's bindings under `handlerBase` are from the declarations: a declared pair bound
 * k > 1 times is k − 1 duplicates, one not bound is missing, one bound but not declared is extra.
 */
export function compareBindings(
  declared: readonly BindingKey[],
  bound: readonly BindingKey[],
  handlerBase: string,
): { duplicated: number; missing: number; extra: number } {
  const wanted = new Set(declared.map(keyOf));
  const counts = new Map<string, number>();
  for (const binding of bound) {
    if (!binding.handler.startsWith(handlerBase)) continue;
    counts.set(keyOf(binding), (counts.get(keyOf(binding)) ?? 0) + 1);
  }
  let duplicated = 0;
  let missing = 0;
  let extra = 0;
  for (const key of wanted) {
    const count = counts.get(key) ?? 0;
    if (count === 0) missing++;
    else duplicated += count - 1;
  }
  for (const [key, count] of counts) if (!wanted.has(key)) extra += count;
  return { duplicated, missing, extra };
}
