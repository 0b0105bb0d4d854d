import type { LaunchBodyField, LaunchQueryField } from '@imkit/frame/protocol';
import { verifyApplicationToken } from '@imkit/frame/verify';
import { optionalField, requiredField } from './form-body.js';
import { Refusal } from './refusal.js';
import type { Installation, InstallationStore } from './store/installation.js';

/** One answer for an unknown portal and for a launch that fails a check, so the answer is no oracle. */
const refused = () =>
  new Refusal(403, 'LAUNCH_REFUSED', 'This launch could not be verified for an installed portal.');

/**
 * Checks the host's form POST that opens a placement. `member_id` must be a known installation and a
 * `DOMAIN` in the query (when present) that installation's domain. `APPLICATION_TOKEN` is trusted on
 * first use: when a launch sends it, it must equal the stored application token (constant time), and from
 * then on every launch of that installation must send it. Unknown and refused launches answer alike
 * (403 `LAUNCH_REFUSED`). Returns the installation; throws a `Refusal`.
 */
export async function verifyPlacementLaunch(
  form: URLSearchParams,
  query: URLSearchParams,
  store: InstallationStore,
): Promise<Installation> {
  // Field names are checked against the launch form table (`launchFormFields`): body and query apart.
  const memberId = requiredField(form, 'member_id' satisfies LaunchBodyField, {
    maxLength: 128,
    pattern: /^[A-Za-z0-9_-]+$/,
  });
  const applicationToken = optionalField(form, 'APPLICATION_TOKEN' satisfies LaunchBodyField, {
    maxLength: 512,
  });
  const domain = optionalField(query, 'DOMAIN' satisfies LaunchQueryField, { maxLength: 260 });
  const installation = await store.findByMemberId(memberId);
  if (installation === null) throw refused();
  if (applicationToken === null) {
    if (installation.launchTokenRequired) throw refused();
  } else if (!verifyApplicationToken(applicationToken, installation.applicationToken)) {
    throw refused();
  }
  if (domain !== null && domain.toLowerCase() !== installation.domain) throw refused();
  if (applicationToken !== null && !installation.launchTokenRequired) {
    // First launch that proved the token: require it from now on. Losing a race here changes nothing.
    await store.update(installation.memberId, installation.epoch, { launchTokenRequired: true });
  }
  return installation;
}
