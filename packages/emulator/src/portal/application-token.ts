/** An application token for scripts and tests, as `RunningEmulator.applicationToken()` returns it. */
import type { EmulatorRuntime } from './runtime.js';
import type { Scope } from './state/portal-state.js';
import { mintToken } from './state/tokens.js';

export interface ApplicationToken {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly client_id: string;
  readonly client_secret: string;
  readonly member_id: string;
  readonly domain: string;
  readonly expires_in: number;
}

export class UnknownUserError extends Error {
  override readonly name = 'UnknownUserError';
}

export function issueApplicationToken(
  runtime: EmulatorRuntime,
  userId = 1,
  scopes?: readonly Scope[],
): ApplicationToken {
  if (!runtime.state.users.some((user) => user.id === userId))
    throw new UnknownUserError(`applicationToken: userId ${userId} is not a user of the emulated portal`);
  const ttl = runtime.faults.tokenTtlSeconds;
  const token = mintToken(runtime.state, userId, ttl, scopes);
  runtime.store.save();
  const portal = runtime.state.portal;
  return {
    access_token: token.accessToken,
    refresh_token: token.refreshToken,
    client_id: portal.clientId,
    client_secret: portal.clientSecret,
    member_id: portal.memberId,
    domain: runtime.domain,
    expires_in: ttl,
  };
}
