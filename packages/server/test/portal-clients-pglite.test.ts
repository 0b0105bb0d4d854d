/** The portal client on the embedded store (PGlite): the same SQL as on PostgreSQL, one process. */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { InstallationStore } from '../src/store/installation.js';
import { openPgliteInstallationStore } from '../src/store/pglite-store.js';
import {
  installEmulated,
  type PortalUnderTest,
  portalClientsOf,
  startPortalUnderTest,
} from './portal-emulator.js';

let portal: PortalUnderTest;
let store: InstallationStore;

beforeAll(async () => {
  portal = await startPortalUnderTest({ burst: 20, perSecond: 10 });
  store = await openPgliteInstallationStore();
}, 60_000);

afterAll(async () => {
  await store?.close();
  await portal?.close();
});

it('refreshes once after an expiry, keeps the shared budget and holds back a method near its limit', async () => {
  portal.emulator.setFaults({ tokenTtlSeconds: 1 });
  const installed = await installEmulated(portal, store);
  portal.emulator.setFaults({ tokenTtlSeconds: 3600 });
  await vi.waitFor(
    () =>
      expect(
        (portal.emulator.state.tokens.find((token) => token.accessToken === installed.accessToken)?.expires ??
          0) * 1000,
      ).toBeLessThan(Date.now()),
    { timeout: 5000, interval: 50 },
  );
  // Two client sets over one store: still one exchange of the refresh token.
  const clients = [1, 2].map(() =>
    portalClientsOf(portal, store, {
      rateLimit: { capacity: 20, drainPerSecond: 10 },
      rateLimitRetries: 0,
      maxWaitMs: 10_000,
    }),
  );
  const calls = clients.flatMap((set) =>
    Array.from({ length: 15 }, () => set.portal(installed.memberId).call<{ ID: string }>('user.current')),
  );
  const users = await Promise.all(calls);
  expect(users.every((user) => user.ID === '1')).toBe(true);
  expect(portal.refreshes.count).toBe(1);
  expect(portal.traffic.filter((entry) => entry.status === 503)).toEqual([]);
  expect((await store.findByMemberId(installed.memberId))?.refreshToken).not.toBe(installed.refreshToken);

  portal.emulator.setFaults({ operatingMsPerCall: 500_000 });
  await clients[0]!.portal(installed.memberId).call('app.info');
  const sent = portal.traffic.length;
  await expect(clients[1]!.portal(installed.memberId).call('app.info')).rejects.toMatchObject({
    code: 'OPERATION_TIME_LIMIT',
    status: 0,
  });
  expect(portal.traffic).toHaveLength(sent);
  for (const set of clients) set.close();
  await expect(clients[0]!.portal(installed.memberId).call('app.info')).rejects.toMatchObject({
    code: 'CLIENT_CLOSED',
  });
}, 60_000);
