import { verifyApplicationToken } from '@imkit/frame/verify';
import { optionalField, requiredField } from './form-body.js';
import { Refusal } from './refusal.js';
import type { Installation, InstallationStore } from './store/installation.js';

/**
 * Checks the host's form POST that opens a placement: `member_id` must be a known installation, the
 * `APPLICATION_TOKEN` (when sent) must match the stored one in constant time, and a `DOMAIN` in the query
 * (when present) must be that installation's domain. Returns the installation; throws a `Refusal`.
 */
export async function verifyPlacementLaunch(
  form: URLSearchParams,
  query: URLSearchParams,
  store: InstallationStore,
): Promise<Installation> {
  const memberId = requiredField(form, 'member_id', { maxLength: 128, pattern: /^[A-Za-z0-9_-]+$/ });
  const applicationToken = optionalField(form, 'APPLICATION_TOKEN', { maxLength: 512 });
  const domain = optionalField(query, 'DOMAIN', { maxLength: 260 });
  const installation = await store.findByMemberId(memberId);
  if (installation === null) {
    throw new Refusal(403, 'UNKNOWN_INSTALLATION', 'The app is not installed on this portal.', 'member_id');
  }
  if (applicationToken !== null && !verifyApplicationToken(applicationToken, installation.applicationToken)) {
    throw new Refusal(
      403,
      'APPLICATION_TOKEN_MISMATCH',
      'The application token does not match the installation.',
      'APPLICATION_TOKEN',
    );
  }
  if (domain !== null && domain.toLowerCase() !== installation.domain) {
    throw new Refusal(
      403,
      'DOMAIN_MISMATCH',
      'The launch names another portal than its member_id.',
      'DOMAIN',
    );
  }
  return installation;
}
