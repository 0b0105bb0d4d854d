/**
 * The emulator as the portal of portal-client tests: one emulated portal, stores holding its installation,
 * portal clients over them (one per store: a store is a "process"), and the emulator's REST traffic.
 */
import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import { createOAuthClient, type OAuthClient } from '../src/oauth-client.js';
import {
  createPortalClients,
  type PortalClients,
  type PortalClientsOptions,
} from '../src/portal/portal-clients.js';
import type { Installation, InstallationStore } from '../src/store/installation.js';

export interface PortalUnderTest {
  readonly emulator: RunningEmulator;
  /** Every REST request the emulator answered: method and HTTP status. */
  readonly traffic: { method: string; status: number }[];
  /** Refresh-token exchanges, per OAuth client made by `clients`. */
  readonly refreshes: { count: number };
  close(): Promise<void>;
}

export async function startPortalUnderTest(
  rateLimit: { burst: number; perSecond: number } = { burst: 50, perSecond: 2 },
): Promise<PortalUnderTest> {
  const emulator = await startEmulator({ port: 0, stateFile: null, shell: false, rateLimit });
  const traffic: { method: string; status: number }[] = [];
  const unsubscribe = emulator.runtime.events.subscribe((event) => {
    if (event.name === 'traffic') traffic.push({ method: event.data.method, status: event.data.status });
  });
  return {
    emulator,
    traffic,
    refreshes: { count: 0 },
    async close() {
      unsubscribe();
      await emulator.close();
    },
  };
}

/** Stores the emulated portal's installation (a fresh admin token) in `store`, replacing any. */
export async function installEmulated(
  portal: PortalUnderTest,
  store: InstallationStore,
  overrides: Partial<Installation> = {},
): Promise<Installation> {
  const token = portal.emulator.applicationToken(1);
  await store.delete(token.member_id);
  const stored = await store.insert({
    memberId: token.member_id,
    domain: portal.emulator.domain,
    portalOrigin: portal.emulator.origin,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    accessExpiresAt: null,
    scope: 'imbot,placement,user',
    applicationToken: 'app-token-of-the-test',
    chatAppHash: 'a'.repeat(32),
    hashRotatedAt: new Date(),
    chatAppIds: [],
    launchTokenRequired: false,
    installedAt: new Date(),
    ...overrides,
  });
  if (stored === null) throw new Error('the installation was not stored');
  return stored;
}

/** An OAuth client at the emulator's endpoint that counts its exchanges in `portal.refreshes`. */
export function countingOAuth(portal: PortalUnderTest): OAuthClient {
  const token = portal.emulator.applicationToken(1);
  const oauth = createOAuthClient({
    tokenUrl: `${portal.emulator.origin}/oauth/token/`,
    clientId: token.client_id,
    clientSecret: token.client_secret,
    production: false,
  });
  return {
    tokenUrl: oauth.tokenUrl,
    refresh(refreshToken, signal) {
      portal.refreshes.count += 1;
      return oauth.refresh(refreshToken, signal);
    },
  };
}

export function portalClientsOf(
  portal: PortalUnderTest,
  store: InstallationStore,
  options: Partial<PortalClientsOptions> = {},
): PortalClients {
  return createPortalClients({ store, oauth: countingOAuth(portal), production: false, ...options });
}
