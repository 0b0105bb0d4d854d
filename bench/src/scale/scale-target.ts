/**
 * Child-process entry of the scale part (`node --import tsx scale-target.ts imkit|naive`): one handler
 * server of the fleet on a free loopback port, on the shared PostgreSQL (`DATABASE_URL`), proving installs
 * with the OAuth endpoint `IMKIT_OAUTH_URL` (the bench's witness in front of the emulator). Prints one JSON
 * line `{ url }`. Besides the server's own routes it has one bench route:
 *
 *   POST /bench/portal-call   member_id=…   → one `profile` call to that installation's portal
 *                                             200 {"result":true} | 502 {"error":"<code>"}
 *
 * `imkit` calls through the server's shared portal client (`createPortalClients`: one refresh per expiry
 * across processes, the portal's rate budget in PostgreSQL, operating-time hold-back) and has the durable
 * install jobs (`createInstallJobs`, pg-boss on the same database: an ONAPPINSTALL is enqueued before the
 * 200 and worked by any process of the fleet, with the same portal client).
 * `naive` is what a backend does without shared state: `naivePortalCall` (its own refresh on
 * `expired_token`, no lock, no rate budget) and, after an acknowledged ONAPPINSTALL, one `placement.bind` per declaration
 * in the background of the process that got the event (lost when that process dies).
 */
import { join } from 'node:path';
import { RestError } from '@imkit/frame';
import {
  createInstallJobs,
  createOAuthClient,
  createPortalClients,
  createServer,
  type InstallJobs,
  listenServer,
  openPostgresInstallationStore,
} from '@imkit/server';
import { Hono } from 'hono';
import { naiveInstall } from '../install/naive-install.js';
import { appsDir } from '../repo-paths.js';
import { NaivePortalError, naivePortalCall } from './naive-portal-client.js';
import { fleetHandlerBase, scaleDeclarations } from './scale-declarations.js';

type FleetKind = 'imkit' | 'naive';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    console.error(`scale-target: ${name} is required`);
    process.exit(2);
  }
  return value;
}

const kind = process.argv[2];
if (kind !== 'imkit' && kind !== 'naive') {
  console.error(`scale-target: the first argument must be "imkit" or "naive", got "${kind ?? ''}"`);
  process.exit(2);
}
const fleetKind: FleetKind = kind;
const databaseUrl = requiredEnv('DATABASE_URL');
const oauthOptions = {
  clientId: requiredEnv('IMKIT_CLIENT_ID'),
  clientSecret: requiredEnv('IMKIT_CLIENT_SECRET'),
  tokenUrl: requiredEnv('IMKIT_OAUTH_URL'),
};

// The store the server opens (per-process cache invalidated over LISTEN/NOTIFY); the jobs share its pool.
const store = await openPostgresInstallationStore(databaseUrl, { poolSize: 10, log: () => {} });
const oauth = createOAuthClient({ ...oauthOptions, production: false });
const declarations = await scaleDeclarations();
const log = (line: string) => process.stderr.write(`[${fleetKind} ${process.pid}] ${line}\n`);
// An operator's settings for a fleet that restarts crashed processes quickly: a job whose process died
// is retried after 10 s, expired jobs are looked for every 2 s.
const portals = fleetKind === 'imkit' ? createPortalClients({ store, oauth, production: false, log }) : null;
const jobs: InstallJobs | null =
  portals !== null
    ? await createInstallJobs({
        store,
        restFor: (installation) => portals.portal(installation.memberId),
        declarations: async () => declarations,
        handlerBase: fleetHandlerBase,
        retryDelaySeconds: 1,
        expireInSeconds: 10,
        maintenanceIntervalSeconds: 2,
        pollingIntervalSeconds: 0.5,
        offlineDrain: { intervalSeconds: 0 },
        log,
      })
    : null;
await jobs?.start();
const server = createServer({
  ...(jobs === null ? {} : { jobs }),
  store,
  apps: { 'im-sidebar/': { dist: join(appsDir, 'im-sidebar', 'dist'), launch: 'placement' } },
  oauth: oauthOptions,
  sessionSecret: requiredEnv('IMKIT_SESSION_SECRET'),
  log: () => {},
});

const naiveCall = naivePortalCall(store, oauth);
const naiveRest = (memberId: string): Parameters<typeof naiveInstall>[0] => ({
  call: <T>(method: string, params?: Readonly<Record<string, unknown>>) =>
    naiveCall(memberId, method, params ?? {}) as Promise<T>,
});

const app = new Hono();
app.post('/bench/portal-call', async (c) => {
  const memberId = new URLSearchParams(await c.req.text()).get('member_id') ?? '';
  try {
    if (portals !== null) await portals.portal(memberId).call('profile');
    else await naiveCall(memberId, 'profile', {});
    return c.json({ result: true });
  } catch (error: unknown) {
    const code =
      error instanceof RestError || error instanceof NaivePortalError
        ? error.code
        : error instanceof Error
          ? error.name
          : 'ERROR';
    return c.json({ error: code }, 502);
  }
});
app.post('/events', async (c) => {
  if (jobs !== null) return server.fetch(c.req.raw);
  const form = await c.req.text();
  const answer = await server.fetch(
    new Request(c.req.url, { method: 'POST', headers: c.req.raw.headers, body: form }),
  );
  const fields = new URLSearchParams(form);
  if (answer.status === 200 && fields.get('event') === 'ONAPPINSTALL') {
    const memberId = fields.get('auth[member_id]') ?? '';
    void naiveInstall(naiveRest(memberId), declarations, fleetHandlerBase).then(
      ({ failed }) => log(`install of ${memberId}: ${declarations.length - failed} bound, ${failed} refused`),
      (error: unknown) => log(`install of ${memberId} failed: ${String(error)}`),
    );
  }
  return answer;
});
app.all('*', (c) => server.fetch(c.req.raw));

const listening = await listenServer(app, { port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: listening.url })}\n`);
process.stdin.resume();
process.stdin.once('end', () => {
  void listening
    .close(2000)
    .then(() => jobs?.stop({ graceful: true, timeoutMs: 2000 }))
    .then(() => portals?.close())
    .then(() => store.close())
    .finally(() => process.exit(0));
});
