import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import { createOAuthClient, type InstallationStore, openPgliteInstallationStore } from '@imkit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NaivePortalError, naivePortalCall } from '../src/scale/naive-portal-client.js';
import { waitUntil } from '../src/scale/wait-until.js';

describe('naivePortalCall (the scale part reference)', () => {
  let emulator: RunningEmulator;
  let store: InstallationStore;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      fresh: true,
      stateFile: null,
      rateLimit: false,
      shell: false,
      faults: { tokenTtlSeconds: 1 },
    });
    store = await openPgliteInstallationStore();
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await emulator?.close();
  });

  it('refreshes an expired token by itself, stores the new pair and repeats the call', {
    timeout: 30_000,
  }, async () => {
    const token = emulator.applicationToken(1);
    await store.insert({
      memberId: token.member_id,
      domain: emulator.domain,
      portalOrigin: emulator.origin,
      accessToken: token.access_token,
      refreshToken: token.refresh_token,
      accessExpiresAt: null,
      scope: 'user',
      applicationToken: 'app-token-0123456789abcdef0123456789',
      chatAppHash: '0123456789abcdef0123456789abcdef',
      hashRotatedAt: new Date(),
      chatAppIds: [],
      launchTokenRequired: false,
      needsReinstall: false,
      installedAt: new Date(),
    });
    const expires = emulator.state.tokens.find((t) => t.accessToken === token.access_token)?.expires ?? 0;
    expect(await waitUntil(() => Date.now() >= expires * 1000, 5000)).toBe(true);
    const oauth = createOAuthClient({
      clientId: token.client_id,
      clientSecret: token.client_secret,
      tokenUrl: `${emulator.origin}/oauth/token/`,
      production: false,
    });
    const call = naivePortalCall(store, oauth);
    const profile = (await call(token.member_id, 'profile', {})) as { ID?: unknown };
    expect(String(profile.ID)).toBe('1');
    const stored = await store.findByMemberId(token.member_id);
    expect(stored?.refreshToken).not.toBe(token.refresh_token);
    expect(stored?.accessToken).not.toBe(token.access_token);
  });

  it('names the host error of a call it cannot make', async () => {
    const oauth = createOAuthClient({ clientId: 'x', clientSecret: 'y', production: false });
    await expect(naivePortalCall(store, oauth)('no-such-member', 'profile', {})).rejects.toEqual(
      new NaivePortalError('UNKNOWN_INSTALLATION'),
    );
  });
});
