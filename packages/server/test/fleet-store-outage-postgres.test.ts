import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InstallationStore } from '../src/store/installation.js';
import { openPostgresInstallationStore } from '../src/store/postgres-store.js';
import { createThrowawayDatabase, type ThrowawayDatabase, testDatabaseUrl } from './postgres-database.js';
import { installForm, launchForm, launchPath, makeAppsDir, postForm, testServer } from './server-fixture.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

if (testDatabaseUrl === '' && process.env.CI) {
  it('runs against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the fleet tests against PostgreSQL: run them through scripts/with-postgres.sh',
    );
  });
}

/** The store bound in this file; the defaults (5 s store, 30 s request) are what "fast" is measured against. */
const storeTimeoutMs = 1000;

describe.skipIf(testDatabaseUrl === '')('PostgreSQL goes away mid-run', () => {
  const apps = makeAppsDir();
  const logs: string[] = [];
  let database: ThrowawayDatabase;
  let proxy: TcpProxy;
  let store: InstallationStore;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    const direct = new URL(database.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    store = await openPostgresInstallationStore(proxied.href, {
      timeoutMs: storeTimeoutMs,
      log: (line) => logs.push(line),
    });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await database?.drop();
    apps.remove();
  });

  it('answers 503 STORE_UNAVAILABLE fast, never from a stale cache, and recovers without a restart', async () => {
    const { app } = testServer(store, apps.dir);
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    expect((await postForm(app, launchPath, launchForm())).status).toBe(200); // cached from here on

    proxy.cut();
    await vi.waitFor(() => expect(logs.some((line) => line.includes('notifications lost'))).toBe(true), {
      timeout: 5000,
      interval: 10,
    });

    // The cached installation is not served: nothing says it did not change while the database was away.
    let started = performance.now();
    const launch = await postForm(app, launchPath, launchForm());
    const firstMs = performance.now() - started;
    expect(launch.status).toBe(503);
    expect(launch.headers.get('content-type')).toContain('text/html');
    expect(Number(launch.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await launch.text()).toContain('STORE_UNAVAILABLE');
    expect(firstMs).toBeLessThan(storeTimeoutMs + 1500);

    // Right after a failure the store refuses at once instead of waiting out its bound again.
    started = performance.now();
    const event = await postForm(app, '/events', installForm({ event: 'ONAPPUNINSTALL' }));
    expect(performance.now() - started).toBeLessThan(storeTimeoutMs);
    expect(event.status).toBe(503);
    expect(event.headers.get('retry-after')).not.toBeNull();
    expect(((await event.json()) as { error: string }).error).toBe('STORE_UNAVAILABLE');

    started = performance.now();
    const readiness = await app.request('/readyz');
    expect(performance.now() - started).toBeLessThan(2000 + 1500);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toEqual({ status: 'not-ready', reason: 'store-unreachable' });
    expect((await app.request('/healthz')).status).toBe(200);

    proxy.restore();
    await vi.waitFor(async () => expect((await postForm(app, launchPath, launchForm())).status).toBe(200), {
      timeout: 15_000,
      interval: 100,
    });
    await vi.waitFor(() => expect(logs.some((line) => line.includes('notifications back'))).toBe(true), {
      timeout: 15_000,
      interval: 20,
    });
    expect((await app.request('/readyz')).status).toBe(200);
    expect(logs.join('\n')).not.toContain(database.url);
    expect(logs.join('\n')).not.toMatch(/password|access_token|refresh/i);
  }, 60_000);
});
