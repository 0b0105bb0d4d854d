import { randomBytes } from 'node:crypto';
import { verifyApplicationToken } from '@imkit/frame/verify';
import { optionalField, requiredField } from './form-body.js';
import type { InstallClaim } from './install-confirmation.js';
import { Refusal } from './refusal.js';
import {
  type Installation,
  InstallationConflictError,
  type InstallationStore,
} from './store/installation.js';

const token = { maxLength: 512, pattern: /^[\x21-\x7e]+$/ };
const memberIdRule = { maxLength: 128, pattern: /^[A-Za-z0-9_-]+$/ };
/** `auth[domain]`: a host name (with a dot, as the host requires) and an optional port. */
const domainRule = {
  maxLength: 253,
  pattern: /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+(?::\d{1,5})?$/i,
};

/** 32 lowercase hex characters from crypto.randomBytes: the legacy chat app's HASH for one installation. */
export function generateChatAppHash(): string {
  return randomBytes(16).toString('hex');
}

const ipv4Literal = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$/;

/**
 * The portal's origin: the scheme of `auth[client_endpoint]` when that URL is on `domain`, otherwise https.
 * Plain http and IP addresses are accepted only outside production (the emulator runs on http loopback),
 * so a production server only ever asks named https hosts to confirm an install.
 */
function portalOriginOf(domain: string, clientEndpoint: string | null, production: boolean): string {
  if (production && ipv4Literal.test(domain)) {
    throw new Refusal(
      400,
      'MALFORMED_FIELD',
      'The portal must be a host name, not an IP address.',
      'auth[domain]',
    );
  }
  let origin = `https://${domain}`;
  if (clientEndpoint !== null) {
    let url: URL;
    try {
      url = new URL(clientEndpoint);
    } catch {
      throw new Refusal(
        400,
        'MALFORMED_FIELD',
        'auth[client_endpoint] is not a URL.',
        'auth[client_endpoint]',
      );
    }
    if (url.host !== domain || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw new Refusal(
        400,
        'MALFORMED_FIELD',
        'auth[client_endpoint] is not on auth[domain].',
        'auth[client_endpoint]',
      );
    }
    origin = url.origin;
  }
  if (production && !origin.startsWith('https://')) {
    throw new Refusal(400, 'MALFORMED_FIELD', 'The portal must use https.', 'auth[client_endpoint]');
  }
  return origin;
}

export interface InstallEventResult {
  readonly event: 'ONAPPINSTALL' | 'ONAPPUNINSTALL';
  readonly memberId: string;
  readonly domain: string;
}

/** What handling an install event needs from the server. */
export interface InstallEventContext {
  readonly store: InstallationStore;
  readonly production: boolean;
  /** Confirms an ONAPPINSTALL with its portal; throws the `Refusal` to answer when it is not confirmed. */
  readonly confirmInstall: (claim: InstallClaim) => Promise<void>;
}

async function install(params: URLSearchParams, context: InstallEventContext): Promise<InstallEventResult> {
  const { store, production } = context;
  const memberId = requiredField(params, 'auth[member_id]', memberIdRule);
  const domain = requiredField(params, 'auth[domain]', domainRule).toLowerCase();
  const accessToken = requiredField(params, 'auth[access_token]', token);
  const applicationToken = requiredField(params, 'auth[application_token]', token);
  const refreshToken = optionalField(params, 'auth[refresh_token]', token) ?? '';
  const scope = optionalField(params, 'auth[scope]', { maxLength: 1024 }) ?? '';
  const expiresIn = optionalField(params, 'auth[expires_in]', { maxLength: 9, pattern: /^\d+$/ });
  const clientEndpoint = optionalField(params, 'auth[client_endpoint]', { maxLength: 512 });
  const portalOrigin = portalOriginOf(domain, clientEndpoint, production);

  /** The stored installation of this member_id, when the event carries its application_token. */
  const ownInstallation = async (): Promise<Installation | null> => {
    const existing = await store.findByMemberId(memberId);
    if (existing !== null && !verifyApplicationToken(applicationToken, existing.applicationToken)) {
      throw new Refusal(
        403,
        'APPLICATION_TOKEN_MISMATCH',
        'This portal is already installed with another application token; uninstall it first.',
        'auth[application_token]',
      );
    }
    return existing;
  };
  // A known member_id must prove its stored application_token before any portal is asked…
  await ownInstallation();
  // …and nothing in the event is signed: the portal it names must own the token before anything is written.
  await context.confirmInstall({ memberId, domain, portalOrigin, accessToken });
  // Read again: another install of this member_id may have been stored while the portal answered.
  const existing = await ownInstallation();
  const installation: Installation = {
    memberId,
    domain,
    portalOrigin,
    accessToken,
    refreshToken,
    accessExpiresAt: expiresIn === null ? null : new Date(Date.now() + Number(expiresIn) * 1000),
    scope,
    applicationToken,
    // A reinstall keeps the HASH: the legacy app is registered with it.
    chatAppHash: existing?.chatAppHash ?? generateChatAppHash(),
    installedAt: existing?.installedAt ?? new Date(),
  };
  try {
    await store.save(installation);
  } catch (error) {
    if (error instanceof InstallationConflictError) {
      throw new Refusal(409, 'DOMAIN_TAKEN', 'Another portal is installed with this domain.', 'auth[domain]');
    }
    throw error;
  }
  return { event: 'ONAPPINSTALL', memberId, domain };
}

async function uninstall(params: URLSearchParams, store: InstallationStore): Promise<InstallEventResult> {
  const memberId = requiredField(params, 'auth[member_id]', memberIdRule);
  const applicationToken = requiredField(params, 'auth[application_token]', token);
  const existing = await store.findByMemberId(memberId);
  if (existing === null) {
    throw new Refusal(404, 'UNKNOWN_INSTALLATION', 'No installation has this member_id.', 'auth[member_id]');
  }
  if (!verifyApplicationToken(applicationToken, existing.applicationToken)) {
    throw new Refusal(
      403,
      'APPLICATION_TOKEN_MISMATCH',
      'The application token does not match the installation.',
      'auth[application_token]',
    );
  }
  await store.delete(memberId);
  return { event: 'ONAPPUNINSTALL', memberId, domain: existing.domain };
}

/**
 * Handles one install event form (`event=ONAPPINSTALL&auth[...]=…`); throws a `Refusal` for bad input.
 * An ONAPPINSTALL is stored only after its portal confirmed it (`context.confirmInstall`).
 */
export async function handleInstallEvent(
  params: URLSearchParams,
  context: InstallEventContext,
): Promise<InstallEventResult> {
  const event = requiredField(params, 'event', { maxLength: 64 }).toUpperCase();
  if (event === 'ONAPPINSTALL') return install(params, context);
  if (event === 'ONAPPUNINSTALL') return uninstall(params, context.store);
  throw new Refusal(
    400,
    'UNSUPPORTED_EVENT',
    'Only ONAPPINSTALL and ONAPPUNINSTALL are handled here.',
    'event',
  );
}
