import { type LaunchFailure, type VerifiedChatAppLaunch, verifyChatAppLaunch } from '@imkit/frame/verify';
import { optionalField } from './form-body.js';
import { Refusal } from './refusal.js';
import type { Installation, InstallationStore } from './store/installation.js';

const failureMessages: Readonly<Record<LaunchFailure, string>> = {
  MISSING_FIELD: 'The launch is missing a field.',
  DUPLICATED_FIELD: 'The launch gives a field twice.',
  MALFORMED_FIELD: 'The launch has a malformed field.',
  MALFORMED_DOMAIN: 'The launch DOMAIN is not a portal origin.',
  DOMAIN_HASH_MISMATCH: 'The DOMAIN_HASH signature does not match.',
  USER_HASH_MISMATCH: 'The USER_HASH signature does not match the user.',
  REFERER_MISSING: 'The launch did not come from the portal (no Referer).',
  REFERER_MISMATCH: 'The launch did not come from the portal (Referer is another origin).',
  MALFORMED_QUERY: 'The launch query cannot be read.',
};

/** Failures of the request's form (400); every other one says the launch is not authentic (403). */
const malformed: readonly LaunchFailure[] = [
  'MISSING_FIELD',
  'DUPLICATED_FIELD',
  'MALFORMED_FIELD',
  'MALFORMED_DOMAIN',
  'MALFORMED_QUERY',
];

/**
 * Verifies a legacy chat-app launch against the HASH of the installation its DOMAIN names: the portal
 * must be installed, its stored origin must equal DOMAIN exactly, and DOMAIN_HASH, USER_HASH and the
 * Referer are checked by `@imkit/frame/verify`. Throws a `Refusal` (400 malformed, 403 not authentic).
 */
export async function verifyChatAppRequest(
  query: URLSearchParams,
  referer: string | null,
  store: InstallationStore,
): Promise<{ installation: Installation; launch: VerifiedChatAppLaunch }> {
  const domain = optionalField(query, 'DOMAIN', { maxLength: 260 });
  if (domain === null) throw new Refusal(400, 'MISSING_FIELD', failureMessages.MISSING_FIELD, 'DOMAIN');
  let portal: URL;
  try {
    portal = new URL(domain);
  } catch {
    throw new Refusal(400, 'MALFORMED_DOMAIN', failureMessages.MALFORMED_DOMAIN, 'DOMAIN');
  }
  if (portal.protocol !== 'https:' && portal.protocol !== 'http:') {
    throw new Refusal(400, 'MALFORMED_DOMAIN', failureMessages.MALFORMED_DOMAIN, 'DOMAIN');
  }
  const installation = await store.findByDomain(portal.host.toLowerCase());
  if (installation === null) {
    throw new Refusal(403, 'UNKNOWN_PORTAL', 'The app is not installed on this portal.', 'DOMAIN');
  }
  const verification = verifyChatAppLaunch(query, { secret: installation.chatAppHash, referer });
  if (!verification.ok) {
    const status = malformed.includes(verification.reason) ? 400 : 403;
    throw new Refusal(status, verification.reason, failureMessages[verification.reason], verification.field);
  }
  if (verification.launch.domain !== installation.portalOrigin) {
    throw new Refusal(403, 'DOMAIN_MISMATCH', 'DOMAIN is not the installed portal origin.', 'DOMAIN');
  }
  return { installation, launch: verification.launch };
}
