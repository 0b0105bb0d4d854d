/**
 * The legacy chat-app signatures (HOST-PROTOCOL.md §5): `DOMAIN_HASH = md5(<portal host name> + HASH)`,
 * `USER_HASH = md5(<USER_ID> + HASH)`, lowercase hex, and the constant-time comparisons that check them.
 */
import * as nodeCrypto from 'node:crypto';

type HashFn = (algorithm: string, data: string, encoding: 'hex') => string;
const oneShotHash = (nodeCrypto as unknown as { hash?: HashFn }).hash;

export function md5Hex(data: string): string {
  if (oneShotHash) return oneShotHash('md5', data, 'hex');
  return nodeCrypto.createHash('md5').update(data, 'utf8').digest('hex');
}

/** The host's portal name for hashing: host name only, no scheme, no port. */
function hashHost(domainUrl: string): string | null {
  try {
    const url = new URL(domainUrl.includes('://') ? domainUrl : `https://${domainUrl}`);
    return url.hostname;
  } catch {
    return null;
  }
}

export function assertSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string' || secret === '' || secret === '0') {
    throw new TypeError('verify: `secret` must be the non-empty HASH the app was registered with');
  }
}

/** `DOMAIN_HASH = md5(<portal host name> + HASH)`, lowercase hex. `domainUrl` may carry scheme and port. */
export function domainHash(domainUrl: string, secret: string): string {
  assertSecret(secret);
  const host = hashHost(domainUrl);
  if (host === null) throw new TypeError(`verify: "${domainUrl}" is not a portal URL`);
  return md5Hex(host + secret.slice(0, 32));
}

/** `USER_HASH = md5(<USER_ID as decimal string> + HASH)`, lowercase hex. */
export function userHash(userId: number | string, secret: string): string {
  assertSecret(secret);
  return md5Hex(String(userId) + secret.slice(0, 32));
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    nodeCrypto.timingSafeEqual(left, left);
    return false;
  }
  return nodeCrypto.timingSafeEqual(left, right);
}

const lowerHexDigest = /^[0-9a-f]{32}$/;

/**
 * Whether `received` is exactly the 32 lowercase hex digits of `expected`, in time that does not depend on
 * where they differ: the form of `received` is checked first (its timing depends on `received` only),
 * then every character is compared.
 */
export function digestEqual(expected: string, received: string): boolean {
  if (!lowerHexDigest.test(received) || expected.length !== 32) return false;
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= expected.charCodeAt(i) ^ received.charCodeAt(i);
  return diff === 0;
}
