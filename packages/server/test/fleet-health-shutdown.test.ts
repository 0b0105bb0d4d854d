import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listenServer } from '../src/listen.js';
import { createServerLifecycle } from '../src/server-lifecycle.js';
import { startServer } from '../src/start-server.js';
import type { InstallationStore } from '../src/store/installation.js';
import { openPostgresInstallationStore } from '../src/store/postgres-store.js';
import { createThrowawayDatabase, type ThrowawayDatabase, testDatabaseUrl } from './postgres-database.js';
import { installForm, launchForm, launchPath, makeAppsDir, postForm, testServer } from './server-fixture.js';

if (testDatabaseUrl === '' && process.env.CI) {
  it('runs against PostgreSQL in CI', () => {
    throw new Error(
      'CI must run the fleet tests against PostgreSQL: run them through scripts/with-postgres.sh',
    );
  });
}

/** A store whose lookups wait until `release()`: a request held in flight as long as a test needs. */
function gatedStore(store: InstallationStore) {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let waiting = 0;
  const gated: InstallationStore = {
    ...store,
    async findByMemberId(memberId) {
      waiting += 1;
      await gate;
      return store.findByMemberId(memberId);
    },
  };
  return { store: gated, release: () => open(), waiting: () => waiting };
}

function postLaunch(url: string): Promise<Response> {
  return fetch(new URL(launchPath, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: launchForm().toString(),
  });
}

describe.skipIf(testDatabaseUrl === '')('readiness and graceful shutdown (PostgreSQL)', () => {
  const apps = makeAppsDir();
  let database: ThrowawayDatabase;
  let store: InstallationStore;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    store = await openPostgresInstallationStore(database.url, { log: () => undefined });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const { app } = testServer(store, apps.dir);
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await store?.close();
    await database?.drop();
    apps.remove();
  });

  it('/healthz answers while the process runs; /readyz says whether the store can serve', async () => {
    const lifecycle = createServerLifecycle();
    const { app } = testServer(store, apps.dir, { lifecycle, basePath: '/chat/' });
    const health = await app.request('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await (await app.request('/readyz')).json()).toEqual({ status: 'ready' });

    // A migration this code knows is missing (an older schema, or another process is migrating).
    await admin.query('DELETE FROM imkit_schema_migrations WHERE version = 5');
    try {
      const pending = await app.request('/readyz');
      expect(pending.status).toBe(503);
      expect(await pending.json()).toEqual({ status: 'not-ready', reason: 'migrations-pending' });
    } finally {
      await admin.query('INSERT INTO imkit_schema_migrations (version) VALUES (5)');
    }
    expect((await app.request('/readyz')).status).toBe(200);

    await lifecycle.shutdown(1000, async () => undefined);
    const closing = await app.request('/readyz');
    expect(closing.status).toBe(503);
    expect(await closing.json()).toEqual({ status: 'not-ready', reason: 'shutting-down' });
    expect((await app.request('/healthz')).status).toBe(200);
    const refused = await postForm(app, `/chat${launchPath}`, launchForm());
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect(((await refused.json()) as { error: string }).error).toBe('SHUTTING_DOWN');
  });

  it('shutdown finishes the request in flight and the drains, and accepts no new connection', async () => {
    const gated = gatedStore(store);
    const lifecycle = createServerLifecycle();
    const { app } = testServer(gated.store, apps.dir, { lifecycle });
    const server = await listenServer(app, { port: 0, host: '127.0.0.1' });
    const inFlight = postLaunch(server.url);
    await vi.waitFor(() => expect(gated.waiting()).toBe(1), { timeout: 5000, interval: 10 });
    expect(lifecycle.inFlight).toBe(1);

    let drained = false;
    lifecycle.onShutdown('jobs', async (deadline) => {
      expect(deadline.aborted).toBe(false);
      drained = true;
    });
    const shutdown = lifecycle.shutdown(10_000, (timeoutMs) => server.close(timeoutMs));
    expect((await app.request('/readyz')).status).toBe(503);
    await expect(postLaunch(server.url)).rejects.toThrow();

    gated.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('im-sidebar');
    const report = await shutdown;
    expect(report.cutOffRequests).toBe(0);
    expect(report.unfinishedDrains).toEqual([]);
    expect(drained).toBe(true);
    expect(report.elapsedMs).toBeLessThan(10_000);
  });

  it('shutdown is bounded: what still runs at the bound is cut off and reported', async () => {
    const gated = gatedStore(store);
    const lifecycle = createServerLifecycle();
    const { app } = testServer(gated.store, apps.dir, { lifecycle });
    const server = await listenServer(app, { port: 0, host: '127.0.0.1' });
    const stuck = postLaunch(server.url).then(
      () => 'answered',
      () => 'cut off',
    );
    await vi.waitFor(() => expect(gated.waiting()).toBe(1), { timeout: 5000, interval: 10 });
    let sawAbort = false;
    lifecycle.onShutdown(
      'stuck-worker',
      (deadline) =>
        new Promise<void>((_, reject) =>
          deadline.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('aborted'));
          }),
        ),
    );
    const started = performance.now();
    const report = await lifecycle.shutdown(300, (timeoutMs) => server.close(timeoutMs));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(report.cutOffRequests).toBe(1);
    expect(report.unfinishedDrains).toEqual(['stuck-worker']);
    expect(sawAbort).toBe(true);
    expect(await stuck).toBe('cut off');
    gated.release();
  });

  it('startServer: /readyz over HTTP, registered drains run on close(), one log line says how it ended', async () => {
    const lines: string[] = [];
    const started = await startServer(
      {
        DATABASE_URL: database.url,
        PORT: '0',
        IMKIT_APPS_DIR: apps.dir,
        IMKIT_SHUTDOWN_TIMEOUT_MS: '2000',
        IMKIT_STORE_CACHE_SIZE: '10',
      },
      (line) => lines.push(line),
    );
    const ready = await fetch(new URL('/readyz', started.server.url));
    expect(ready.status).toBe(200);
    let drained = false;
    started.onShutdown('worker', async () => {
      drained = true;
    });
    const report = await started.close();
    expect(drained).toBe(true);
    expect(report.cutOffRequests).toBe(0);
    expect(await started.close()).toBe(report);
    expect(lines.some((line) => /^imkit server stopped in \d+ ms$/.test(line))).toBe(true);
    await expect(fetch(new URL('/healthz', started.server.url))).rejects.toThrow();
  }, 30_000);
});
