import { randomBytes } from 'node:crypto';
import { verifyApplicationToken } from '@imkit/frame/verify';
import { optionalField, requiredField } from './form-body.js';
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

/**
 * The portal's origin: the scheme of `auth[client_endpoint]` when that URL is on `domain`, otherwise https.
 * Plain http is accepted only outside production (the emulator runs on http loopback).
 */
function portalOriginOf(domain: string, clientEndpoint: string | null, production: boolean): string {
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

async function install(
  params: URLSearchParams,
  store: InstallationStore,
  production: boolean,
): Promise<InstallEventResult> {
  const memberId = requiredField(params, 'auth[member_id]', memberIdRule);
  const domain = requiredField(params, 'auth[domain]', domainRule).toLowerCase();
  const accessToken = requiredField(params, 'auth[access_token]', token);
  const applicationToken = requiredField(params, 'auth[application_token]', token);
  const refreshToken = optionalField(params, 'auth[refresh_token]', token) ?? '';
  const scope = optionalField(params, 'auth[scope]', { maxLength: 1024 }) ?? '';
  const expiresIn = optionalField(params, 'auth[expires_in]', { maxLength: 9, pattern: /^\d+$/ });
  const clientEndpoint = optionalField(params, 'auth[client_endpoint]', { maxLength: 512 });
  const portalOrigin = portalOriginOf(domain, clientEndpoint, production);

  const existing = await store.findByMemberId(memberId);
  if (existing !== null && !verifyApplicationToken(applicationToken, existing.applicationToken)) {
    throw new Refusal(
      403,
      'APPLICATION_TOKEN_MISMATCH',
      'This portal is already installed with another application token; uninstall it first.',
      'auth[application_token]',
    );
  }
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

/** Handles one install event form (`event=ONAPPINSTALL&auth[...]=…`); throws a `Refusal` for bad input. */
export async function handleInstallEvent(
  params: URLSearchParams,
  store: InstallationStore,
  production: boolean,
): Promise<InstallEventResult> {
  const event = requiredField(params, 'event', { maxLength: 64 }).toUpperCase();
  if (event === 'ONAPPINSTALL') return install(params, store, production);
  if (event === 'ONAPPUNINSTALL') return uninstall(params, store);
  throw new Refusal(
    400,
    'UNSUPPORTED_EVENT',
    'Only ONAPPINSTALL and ONAPPUNINSTALL are handled here.',
    'event',
  );
}
