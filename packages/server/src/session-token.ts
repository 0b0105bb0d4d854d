import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '@imkit/frame/verify';

/**
 * The short-lived credential a verified legacy launch is exchanged for, so the never-expiring DOMAIN_HASH
 * / USER_HASH are not reused as credentials. Format: `<base64url(JSON payload)>.<base64url(HMAC-SHA256)>`.
 * It carries only what the launch proved (the portal and the user: the only fields the hashes cover) and
 * the installation's epoch, so a reinstall or a HASH rotation voids it.
 */
export interface ChatAppSession {
  /** The installation (`member_id`). */
  readonly memberId: string;
  readonly userId: number;
  /** The handler path of the app the session was issued for, such as `legacy-chat-app/`. */
  readonly app: string;
  /** The installation's epoch when the session was issued; a session of another epoch is void. */
  readonly epoch: number;
  /** Expiry, seconds since the epoch. */
  readonly expiresAt: number;
}

/** The longest a session may live: 15 minutes. */
export const maxSessionSeconds = 15 * 60;

interface Payload {
  m: string;
  u: number;
  a: string;
  n: number;
  e: number;
}

function assertSessionSecret(secret: string): void {
  if (typeof secret !== 'string' || Buffer.byteLength(secret, 'utf8') < 32) {
    throw new TypeError('session: the session secret must be at least 32 bytes');
  }
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64url');
}

/** Signs a session token valid for `ttlSeconds` (at most 15 minutes) from `now`. */
export function signChatAppSession(
  session: Omit<ChatAppSession, 'expiresAt'>,
  secret: string,
  options: { ttlSeconds?: number; now?: number } = {},
): { token: string; expiresAt: number } {
  assertSessionSecret(secret);
  const ttl = Math.min(options.ttlSeconds ?? maxSessionSeconds, maxSessionSeconds);
  if (!(ttl > 0)) throw new RangeError('session: ttlSeconds must be positive');
  if (!Number.isSafeInteger(session.epoch) || session.epoch < 1) {
    throw new RangeError('session: epoch must be a positive integer');
  }
  const expiresAt = Math.floor((options.now ?? Date.now()) / 1000) + Math.floor(ttl);
  const payload: Payload = {
    m: session.memberId,
    u: session.userId,
    a: session.app,
    n: session.epoch,
    e: expiresAt,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return { token: `${body}.${mac(body, secret)}`, expiresAt };
}

export type SessionFailure = 'MALFORMED_TOKEN' | 'BAD_SIGNATURE' | 'EXPIRED';

export type SessionVerification =
  | { readonly ok: true; readonly session: ChatAppSession }
  | { readonly ok: false; readonly reason: SessionFailure };

const tokenShape = /^[A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{43}$/;

function isPayload(value: unknown): value is Payload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.m === 'string' &&
    typeof p.u === 'number' &&
    Number.isSafeInteger(p.u) &&
    typeof p.a === 'string' &&
    typeof p.n === 'number' &&
    Number.isSafeInteger(p.n) &&
    typeof p.e === 'number' &&
    Number.isSafeInteger(p.e)
  );
}

/** Checks a session token's signature (constant time) and expiry. Never throws on any token. */
export function verifyChatAppSession(token: unknown, secret: string, now = Date.now()): SessionVerification {
  assertSessionSecret(secret);
  if (typeof token !== 'string' || !tokenShape.test(token)) return { ok: false, reason: 'MALFORMED_TOKEN' };
  const [body = '', signature = ''] = token.split('.');
  if (!constantTimeEqual(mac(body, secret), signature)) return { ok: false, reason: 'BAD_SIGNATURE' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'MALFORMED_TOKEN' };
  }
  if (!isPayload(payload)) return { ok: false, reason: 'MALFORMED_TOKEN' };
  if (payload.e <= Math.floor(now / 1000)) return { ok: false, reason: 'EXPIRED' };
  return {
    ok: true,
    session: {
      memberId: payload.m,
      userId: payload.u,
      app: payload.a,
      epoch: payload.n,
      expiresAt: payload.e,
    },
  };
}
