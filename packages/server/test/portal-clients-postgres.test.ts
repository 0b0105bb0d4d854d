/**
 * The portal client against the emulator as the portal and a real PostgreSQL, with several stores
 * (separate pools: separate "processes") sharing one database.
 */
import { RestError } from '@imkit/frame';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalClients } from '../src/portal/portal-clients.js';
import type { Installation, InstallationStore } from '../src/store/installation.js';
import { openPostgresInstallationStore } from '../src/store/postgres-store.js';
import {
  installEmulated,
  type PortalUnderTest,
  portalClientsOf,
  startPortalUnderTest,
} from './portal-emulator.js';
import { createThrowawayDatabase, type ThrowawayDatabase, testDatabaseUrl } from './postgres-database.js';

if (testDatabaseUrl === '' && process.env.CI) {
  it('runs against PostgreSQL in CI', () => {
    throw new Error('CI must run the portal client tests against PostgreSQL: use scripts/with-postgres.sh');
  });
}

async function failure(promise: Promise<unknown>): Promise<RestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error('expected a RestError');
}

describe.skipIf(testDatabaseUrl === '')('portal clients on PostgreSQL, the emulator as the portal', () => {
  let database: ThrowawayDatabase;
  let portal: PortalUnderTest;
  let stores: InstallationStore[] = [];
  let opened: PortalClients[] = [];
  const limit = { burst: 20, perSecond: 10 };

  /** One client set per store, as three server processes would have. */
  const processes = (options: Parameters<typeof portalClientsOf>[2] = {}): PortalClients[] => {
    const made = stores.map((store) =>
      portalClientsOf(portal, store, {
        rateLimit: { capacity: limit.burst, drainPerSecond: limit.perSecond },
        ...options,
      }),
    );
    opened.push(...made);
    return made;
  };

  /**
   * Installs through process 0 and waits until every process reads the new installation: its change notice
   * reaches the others within a second (`fleet-*` tests), sooner or later on a busy machine. The test
   * "reinstalled elsewhere" covers a process that calls before it arrived.
   */
  const installSeenByAll = async (overrides: Partial<Installation> = {}): Promise<Installation> => {
    const installed = await installEmulated(portal, stores[0]!, overrides);
    await vi.waitFor(
      async () => {
        for (const store of stores) {
          expect((await store.findByMemberId(installed.memberId))?.accessToken).toBe(installed.accessToken);
        }
      },
      { timeout: 10_000, interval: 20 },
    );
    return installed;
  };

  const tokenExpired = (accessToken: string) =>
    (portal.emulator.state.tokens.find((token) => token.accessToken === accessToken)?.expires ?? 0) * 1000 <
    Date.now();

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    portal = await startPortalUnderTest(limit);
    stores = await Promise.all([1, 2, 3].map(() => openPostgresInstallationStore(database.url)));
  }, 60_000);

  afterAll(async () => {
    for (const clients of opened) clients.close();
    await Promise.all(stores.map((store) => store.close()));
    await portal?.close();
    await database?.drop();
  });

  beforeEach(async () => {
    for (const clients of opened) clients.close();
    opened = [];
    portal.emulator.reset();
    portal.traffic.length = 0;
    portal.refreshes.count = 0;
    await stores[0]!.sql.query('DELETE FROM imkit_rate_budgets');
    await stores[0]!.sql.query('DELETE FROM imkit_operating_times');
  });

  it('after an expiry, concurrent calls in three processes refresh exactly once and all succeed', async () => {
    portal.emulator.setFaults({ tokenTtlSeconds: 1 });
    const installed = await installSeenByAll();
    portal.emulator.setFaults({ tokenTtlSeconds: 3600 });
    await vi.waitFor(() => expect(tokenExpired(installed.accessToken)).toBe(true), {
      timeout: 5000,
      interval: 50,
    });
    const clients = processes();
    const answers = await Promise.all(
      clients.flatMap((client) =>
        [1, 2, 3].map(() => client.portal(installed.memberId).call<{ ID: string }>('user.current')),
      ),
    );
    expect(answers.map((user) => user.ID)).toEqual(Array(9).fill('1'));
    // The emulator accepts a refresh token once: a second exchange would have failed (NEEDS_REINSTALL).
    expect(portal.refreshes.count).toBe(1);
    const stored = await stores[2]!.findByMemberId(installed.memberId);
    expect(stored?.refreshToken).not.toBe(installed.refreshToken);
    expect(stored?.accessToken).not.toBe(installed.accessToken);
    expect(stored?.needsReinstall).toBe(false);
    expect(portal.traffic.filter((entry) => entry.status === 401)).not.toHaveLength(0);
  }, 30_000);

  it('a token known to be expired is refreshed before the call, once across processes', async () => {
    const installed = await installSeenByAll({
      accessExpiresAt: new Date(Date.now() - 1000),
    });
    const clients = processes();
    await Promise.all(clients.map((client) => client.portal(installed.memberId).call('user.current')));
    expect(portal.refreshes.count).toBe(1);
    expect(portal.traffic.filter((entry) => entry.status !== 200)).toEqual([]);
    const stored = await stores[1]!.findByMemberId(installed.memberId);
    expect(stored?.accessExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
  }, 30_000);

  it('three processes calling past the bucket wait for the shared budget: no 503, all succeed', async () => {
    const installed = await installSeenByAll();
    // No retries: a single 503 from the emulator would fail a call.
    const clients = processes({ rateLimitRetries: 0 });
    const calls = clients.flatMap((client) =>
      Array.from({ length: 15 }, () => client.portal(installed.memberId).call('user.current')),
    );
    const answers = await Promise.allSettled(calls);
    expect(answers.filter((answer) => answer.status === 'rejected')).toEqual([]);
    expect(portal.traffic.filter((entry) => entry.method === 'user.current')).toHaveLength(45);
    expect(portal.traffic.filter((entry) => entry.status === 503)).toEqual([]);
  }, 30_000);

  it('a short-lived token is used until shortly before its expiry, not refreshed at every call', async () => {
    // 8 s left: refreshed in its last quarter (2 s), not within the 30 s meant for hour-long tokens.
    const installed = await installSeenByAll({
      accessExpiresAt: new Date(Date.now() + 8000),
    });
    const [client] = processes();
    await client!.portal(installed.memberId).call('user.current');
    await client!.portal(installed.memberId).call('user.current');
    expect(portal.refreshes.count).toBe(0);
  }, 30_000);

  it('a process holding tokens of an installation reinstalled elsewhere reads it again and succeeds', async () => {
    const first = await installEmulated(portal, stores[0]!);
    const clients = processes();
    await clients[1]!.portal(first.memberId).call('user.current');
    // Reinstalled through process 0; process 1 still holds the first installation's token.
    portal.emulator.reset();
    portal.traffic.length = 0;
    const second = await installEmulated(portal, stores[0]!);
    expect(second.accessToken).not.toBe(first.accessToken);
    await expect(clients[1]!.portal(first.memberId).call('user.current')).resolves.toMatchObject({ ID: '1' });
    const sent = portal.traffic.filter((entry) => entry.method === 'user.current');
    // At most the one refused call with the old token, then the call with the new one.
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(sent.at(-1)?.status).toBe(200);
    expect(portal.refreshes.count).toBe(0);
  }, 30_000);

  it('the same load with a budget above the host bucket is refused by the portal: the load really overflows it', async () => {
    const installed = await installSeenByAll();
    const clients = processes({ rateLimitRetries: 0, rateLimit: { capacity: 1000, drainPerSecond: 1000 } });
    const answers = await Promise.allSettled(
      clients.flatMap((client) =>
        Array.from({ length: 15 }, () => client.portal(installed.memberId).call('user.current')),
      ),
    );
    const refused = answers.filter(
      (answer) =>
        answer.status === 'rejected' && (answer.reason as RestError).code === 'QUERY_LIMIT_EXCEEDED',
    );
    expect(refused.length).toBeGreaterThan(0);
  }, 30_000);

  it('waiting is bounded: a full bucket past maxWaitMs is RATE_BUDGET_TIMEOUT, a full queue RATE_BUDGET_QUEUE_FULL', async () => {
    const installed = await installSeenByAll();
    const [slow] = processes({
      rateLimit: { capacity: 1, drainPerSecond: 0.01 },
      maxWaitMs: 300,
      maxWaiters: 2,
    });
    const client = slow!.portal(installed.memberId);
    await client.call('user.current');
    const started = Date.now();
    const [first, second, third] = await Promise.allSettled([
      client.call('user.current'),
      client.call('user.current'),
      client.call('user.current'),
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(first.status === 'rejected' && (first.reason as RestError).code).toBe('RATE_BUDGET_TIMEOUT');
    expect(second.status === 'rejected' && (second.reason as RestError).code).toBe('RATE_BUDGET_TIMEOUT');
    expect(third.status === 'rejected' && (third.reason as RestError).code).toBe('RATE_BUDGET_QUEUE_FULL');
    expect(portal.traffic.filter((entry) => entry.method === 'user.current')).toHaveLength(1);
  }, 30_000);

  it('a revoked refresh token marks the installation needsReinstall with one log line; a reinstall clears it', async () => {
    const installed = await installSeenByAll({
      refreshToken: 'revoked-refresh-token',
      accessExpiresAt: new Date(Date.now() - 1000),
    });
    const lines: string[] = [];
    const clients = processes({ log: (line) => lines.push(line) });
    const failures = await Promise.all(
      clients.map((client) => failure(client.portal(installed.memberId).call('user.current'))),
    );
    expect(failures.map((error) => error.code)).toEqual(Array(3).fill('NEEDS_REINSTALL'));
    expect(portal.refreshes.count).toBe(1);
    expect(lines).toEqual([
      `installation needs reinstall: member_id=${installed.memberId} domain=${installed.domain} (refresh token revoked)`,
    ]);
    expect(lines.join('\n')).not.toContain(installed.accessToken);
    expect((await stores[1]!.findByMemberId(installed.memberId))?.needsReinstall).toBe(true);
    // Later calls fail fast, without the OAuth server or the portal.
    const later = await failure(clients[1]!.portal(installed.memberId).call('user.current'));
    expect(later.code).toBe('NEEDS_REINSTALL');
    expect(portal.refreshes.count).toBe(1);
    expect(portal.traffic).toEqual([]);
    // A proven reinstall stores new tokens and clears the mark.
    const token = portal.emulator.applicationToken(1);
    const current = (await stores[0]!.findByMemberId(installed.memberId))!;
    const { epoch, needsReinstall, ...rest } = current;
    expect(needsReinstall).toBe(true);
    const reinstalled = await stores[0]!.replace(
      { ...rest, accessToken: token.access_token, refreshToken: token.refresh_token, accessExpiresAt: null },
      epoch,
    );
    expect(reinstalled?.needsReinstall).toBe(false);
    await expect(clients[2]!.portal(installed.memberId).call('user.current')).resolves.toMatchObject({
      ID: '1',
    });
  }, 30_000);

  it('an unknown member_id is UNKNOWN_INSTALLATION, without calling anyone', async () => {
    const [clients] = processes();
    const error = await failure(clients!.portal('no-such-member').call('user.current'));
    expect(error.code).toBe('UNKNOWN_INSTALLATION');
    expect(portal.traffic).toEqual([]);
  });

  it('batch splits above 50 commands, one entry per key', async () => {
    const installed = await installSeenByAll();
    const [clients] = processes({ rateLimit: { capacity: 20, drainPerSecond: 10 } });
    const commands = Object.fromEntries(
      Array.from({ length: 120 }, (_, index) => [`u${index}`, { method: 'user.current' }]),
    );
    commands.bad = { method: 'no.such.method' };
    const results = await clients!.portal(installed.memberId).batch(commands);
    expect(Object.keys(results)).toHaveLength(121);
    expect(
      Object.entries(results)
        .filter(([, entry]) => !entry.ok)
        .map(([key]) => key),
    ).toEqual(['bad']);
    expect(portal.traffic.filter((entry) => entry.method === 'batch')).toHaveLength(3);
  }, 30_000);

  it('list follows next through every page', async () => {
    const installed = await installSeenByAll();
    const template = portal.emulator.state.users.find((user) => !user.isBot)!;
    const before = portal.emulator.state.users.filter((user) => !user.isBot).length;
    for (let index = 0; index < 120; index += 1) {
      portal.emulator.state.users.push({ ...template, id: 10_000 + index, isAdmin: false });
    }
    const [clients] = processes();
    const pages: unknown[][] = [];
    for await (const page of clients!.portal(installed.memberId).list<unknown[]>('user.get', {}))
      pages.push(page);
    expect(pages.map((page) => page.length)).toEqual(
      Array.from({ length: Math.ceil((before + 120) / 50) }, (_, index) =>
        Math.min(50, before + 120 - index * 50),
      ),
    );
    const bounded = clients!.portal(installed.memberId).list('user.get', {}, { maxPages: 2 });
    const error = await failure(
      (async () => {
        for await (const _ of bounded) {
        }
      })(),
    );
    expect(error.code).toBe('PAGE_LIMIT');
  }, 30_000);

  it('a method close to its operating-time limit is held back in every process, others go on', async () => {
    const installed = await installSeenByAll();
    portal.emulator.setFaults({ operatingMsPerCall: 100_000 });
    const [first, second] = processes({ maxWaitMs: 500 });
    for (let call = 0; call < 5; call += 1) await first!.portal(installed.memberId).call('user.current');
    const sent = portal.traffic.length;
    const held = await failure(second!.portal(installed.memberId).call('user.current'));
    expect(held.code).toBe('OPERATION_TIME_LIMIT');
    expect(held.status).toBe(0);
    const heldInBatch = await failure(
      first!.portal(installed.memberId).batch({ me: { method: 'user.current' } }),
    );
    expect(heldInBatch.code).toBe('OPERATION_TIME_LIMIT');
    expect(portal.traffic).toHaveLength(sent);
    await expect(second!.portal(installed.memberId).call('app.info')).resolves.toBeTruthy();
    expect(portal.traffic.filter((entry) => entry.status === 429)).toEqual([]);
  }, 30_000);

  it("the host's 429 OPERATION_TIME_LIMIT is surfaced typed and then held back without asking again", async () => {
    const installed = await installSeenByAll();
    portal.emulator.setFaults({ operatingMsPerCall: 250_000 });
    const [clients] = processes({ maxWaitMs: 500, operatingHoldSeconds: 100_000 });
    const client = clients!.portal(installed.memberId);
    await client.call('user.current');
    await client.call('user.current');
    const refused = await failure(client.call('user.current'));
    expect(refused).toMatchObject({ code: 'OPERATION_TIME_LIMIT', status: 429 });
    const sent = portal.traffic.length;
    const held = await failure(client.call('user.current'));
    expect(held).toMatchObject({ code: 'OPERATION_TIME_LIMIT', status: 0 });
    expect(portal.traffic).toHaveLength(sent);
  }, 30_000);

  it('a hold that ends within maxWaitMs is waited out', async () => {
    const installed = await installSeenByAll();
    await stores[0]!.sql.query(
      `INSERT INTO imkit_operating_times (member_id, method, operating, reset_at)
       VALUES ($1, 'user.current', 1e9, clock_timestamp() + interval '600 milliseconds')`,
      [installed.memberId],
    );
    const [clients] = processes({ maxWaitMs: 5000 });
    const started = Date.now();
    await expect(clients!.portal(installed.memberId).call('user.current')).resolves.toMatchObject({
      ID: '1',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(portal.traffic).toHaveLength(1);
  }, 30_000);
});
