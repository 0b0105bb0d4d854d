/** OAuth tokens of the emulated portal: 32-hex access and refresh tokens with an expiry. */
import { randomBytes } from 'node:crypto';
import { allScopes, type PortalState, type PortalToken, type Scope } from './portal-state.js';

export function randomHex32(): string {
  return randomBytes(16).toString('hex');
}

const keepExpiredSeconds = 86_400;

/** Mints a token pair for a user; drops tokens long expired so the state does not grow forever. */
export function mintToken(
  state: PortalState,
  userId: number,
  ttlSeconds: number,
  scopes: readonly Scope[] = allScopes,
): PortalToken {
  const now = Math.floor(Date.now() / 1000);
  const token: PortalToken = {
    accessToken: randomHex32(),
    refreshToken: randomHex32(),
    userId,
    expires: now + ttlSeconds,
    scopes: [...scopes],
    refreshed: false,
  };
  const live = state.tokens.filter((t) => t.expires > now - keepExpiredSeconds);
  state.tokens.splice(0, state.tokens.length, ...live, token);
  return token;
}

export function parseScopes(text: string): Scope[] | null {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return parts.every((p) => (allScopes as readonly string[]).includes(p)) ? (parts as Scope[]) : null;
}
