import type { Hono } from 'hono';
import type { ServerLifecycle } from './server-lifecycle.js';
import type { InstallationStore } from './store/installation.js';

/**
 * `GET /healthz` (liveness: the process answers) and `GET /readyz` (readiness: not shutting down, the
 * store answered a bounded query and every migration is applied), at the server root whatever the
 * handler base — where probes and balancers look. Both are JSON, never cached; `/readyz` is 503 with the
 * reason when not ready.
 */
export function addHealthRoutes(
  app: Hono,
  context: { store: InstallationStore; lifecycle: ServerLifecycle; timeoutMs: number },
): void {
  const { store, lifecycle, timeoutMs } = context;
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (lifecycle.shuttingDown) return c.json({ status: 'not-ready', reason: 'shutting-down' }, 503);
    const readiness = (await store.checkReady?.(timeoutMs)) ?? { ready: true };
    if (lifecycle.shuttingDown) return c.json({ status: 'not-ready', reason: 'shutting-down' }, 503);
    return readiness.ready
      ? c.json({ status: 'ready' })
      : c.json({ status: 'not-ready', reason: readiness.reason }, 503);
  });
}
