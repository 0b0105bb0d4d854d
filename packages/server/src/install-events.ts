import { randomBytes } from 'node:crypto';
import { verifyApplicationToken } from '@imkit/frame/verify';
import ipaddr from 'ipaddr.js';
import { optionalField, requiredField } from './form-body.js';
import type { InstallClaim } from './install-confirmation.js';
import type { OAuthGrant } from './oauth-client.js';
import { Refusal } from './refusal.js';
import {
  type Installation,
  InstallationConflictError,
  type InstallationInput,
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

/**
 * `auth[domain]`, normalised the way a URL parser reads it. In production an IP address in any spelling
 * (`127.1`, `0x7f.0.0.1`, `169.254.43518`, `[::1]`) is refused: a portal is a named https host.
 */
function claimedDomain(params: URLSearchParams, production: boolean): string {
  const raw = requiredField(params, 'auth[domain]', domainRule).toLowerCase();
  let host: string;
  try {
    host = new URL(`https://${raw}`).host;
  } catch {
    throw new Refusal(400, 'MALFORMED_FIELD', 'auth[domain] is not a host name.', 'auth[domain]');
  }
  const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (production && ipaddr.isValid(hostname)) {
    throw new Refusal(
      400,
      'MALFORMED_FIELD',
      'The portal must be a host name, not an IP address.',
      'auth[domain]',
    );
  }
  return raw;
}

/** The origin of `auth[client_endpoint]` when given: it must be on `domain`, https in production. */
function claimedOrigin(domain: string, clientEndpoint: string | null, production: boolean): string | null {
  if (clientEndpoint === null) return null;
  let url: URL;
  try {
    url = new URL(clientEndpoint);
  } catch {
    throw new Refusal(400, 'MALFORMED_FIELD', 'auth[client_endpoint] is not a URL.', 'auth[client_endpoint]');
  }
  if (url.host !== domain || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Refusal(
      400,
      'MALFORMED_FIELD',
      'auth[client_endpoint] is not on auth[domain].',
      'auth[client_endpoint]',
    );
  }
  if (production && url.protocol !== 'https:') {
    throw new Refusal(400, 'MALFORMED_FIELD', 'The portal must use https.', 'auth[client_endpoint]');
  }
  return url.origin;
}

export interface InstallEventResult {
  readonly event: 'ONAPPINSTALL' | 'ONAPPUNINSTALL';
  readonly memberId: string;
  readonly domain: string;
  /** The epoch the installation has after the event (0 after an uninstall). */
  readonly epoch: number;
}

/** What handling an install event needs from the server. */
export interface InstallEventContext {
  readonly store: InstallationStore;
  readonly production: boolean;
  /** Proves an ONAPPINSTALL with the OAuth server; throws the `Refusal` to answer when it is not proven. */
  readonly confirmInstall: (claim: InstallClaim) => Promise<OAuthGrant>;
}

const raced = () =>
  new Refusal(
    409,
    'INSTALL_CONFLICT',
    'Another event for this portal was handled at the same time and won; nothing was written.',
    'auth[member_id]',
  );

async function install(params: URLSearchParams, context: InstallEventContext): Promise<InstallEventResult> {
  const { store, production } = context;
  const memberId = requiredField(params, 'auth[member_id]', memberIdRule);
  const domain = claimedDomain(params, production);
  requiredField(params, 'auth[access_token]', token);
  const refreshToken = requiredField(params, 'auth[refresh_token]', token);
  // The install callback (no `event`) carries no application_token: the ONAPPINSTALL event brings it.
  const callback = !params.has('event');
  const claimedToken = callback ? null : requiredField(params, 'auth[application_token]', token);
  const clientEndpoint = optionalField(params, 'auth[client_endpoint]', { maxLength: 512 });
  const portalOrigin = claimedOrigin(domain, clientEndpoint, production);

  // The installation this write is conditional on: whatever is stored before the claim is proven.
  const existing = await store.findByMemberId(memberId);
  // Nothing in the event is signed: the OAuth server must name this very portal before anything is written.
  const grant = await context.confirmInstall({ memberId, domain, portalOrigin, refreshToken });
  // A proven reinstall with the stored application_token keeps the HASH (the legacy app is registered with
  // it); a proven install with a new application_token is a new installation of the same portal.
  const applicationToken = claimedToken ?? existing?.applicationToken ?? '';
  const continued =
    existing !== null && (callback || verifyApplicationToken(applicationToken, existing.applicationToken));
  const now = new Date();
  const installation: InstallationInput = {
    memberId: grant.memberId,
    domain: grant.domain,
    portalOrigin: grant.portalOrigin,
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    accessExpiresAt: grant.expiresIn === null ? null : new Date(now.getTime() + grant.expiresIn * 1000),
    scope: grant.scope,
    applicationToken,
    chatAppHash: continued ? existing.chatAppHash : generateChatAppHash(),
    hashRotatedAt: continued ? existing.hashRotatedAt : now,
    chatAppIds: continued ? existing.chatAppIds : [],
    launchTokenRequired: continued ? existing.launchTokenRequired : false,
    installedAt: existing?.installedAt ?? now,
  };
  let stored: Installation | null;
  try {
    stored =
      existing === null
        ? await store.insert(installation)
        : await store.replace(installation, existing.epoch);
  } catch (error) {
    if (error instanceof InstallationConflictError) {
      throw new Refusal(409, 'DOMAIN_TAKEN', 'Another portal is installed with this domain.', 'auth[domain]');
    }
    throw error;
  }
  if (stored === null) throw raced();
  return { event: 'ONAPPINSTALL', memberId, domain: stored.domain, epoch: stored.epoch };
}

async function uninstall(params: URLSearchParams, store: InstallationStore): Promise<InstallEventResult> {
  const memberId = requiredField(params, 'auth[member_id]', memberIdRule);
  const applicationToken = requiredField(params, 'auth[application_token]', token);
  const existing = await store.findByMemberId(memberId);
  // Unknown portal and wrong token answer alike: the answer is no oracle for which portals are installed.
  if (existing === null || !verifyApplicationToken(applicationToken, existing.applicationToken)) {
    throw new Refusal(
      403,
      'APPLICATION_TOKEN_MISMATCH',
      'The application token does not match an installation.',
      'auth[application_token]',
    );
  }
  if (!(await store.delete(memberId, existing.epoch))) throw raced();
  return { event: 'ONAPPUNINSTALL', memberId, domain: existing.domain, epoch: 0 };
}

/**
 * The install callback: the portal opens the install handler with the install's OAuth pair as a form
 * (`AUTH_ID`, `REFRESH_ID`, `member_id`, `DOMAIN`, …) and no `event`. Read as an ONAPPINSTALL claim
 * without `auth[application_token]`; it is proven the same way.
 */
function installCallbackClaim(params: URLSearchParams): URLSearchParams {
  const claim = new URLSearchParams();
  const copy = (from: string, to: string) => {
    const value = params.get(from);
    if (value !== null) claim.set(to, value);
  };
  copy('AUTH_ID', 'auth[access_token]');
  copy('REFRESH_ID', 'auth[refresh_token]');
  copy('member_id', 'auth[member_id]');
  copy('DOMAIN', 'auth[domain]');
  const protocol = params.get('PROTOCOL') === '0' ? 'http' : 'https';
  const domain = params.get('DOMAIN');
  if (domain !== null) claim.set('auth[client_endpoint]', `${protocol}://${domain}/rest/`);
  return claim;
}

/** True for the install callback's form (no `event`, the install's `AUTH_ID` and `REFRESH_ID`). */
export function isInstallCallback(params: URLSearchParams): boolean {
  return !params.has('event') && params.has('AUTH_ID') && params.has('REFRESH_ID');
}

/**
 * Handles one install event form (`event=ONAPPINSTALL&auth[...]=…`); throws a `Refusal` for bad input.
 * An ONAPPINSTALL is stored only after the OAuth server proved it (`context.confirmInstall`), and every
 * write is conditional on the state read before: of two racing events exactly one wins, the other gets 409.
 */
export async function handleInstallEvent(
  params: URLSearchParams,
  context: InstallEventContext,
): Promise<InstallEventResult> {
  if (isInstallCallback(params)) return install(installCallbackClaim(params), context);
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
