/**
 * Child-process entry of the server bench (`node --import tsx server-target.ts imkit|static`): starts one
 * server on a free loopback port in its own process, so it gets its own core, and prints one JSON line
 * `{ url, hash }` on stdout. `imkit` is the handler server (`createServer`, in-memory PGlite store) with
 * the bench portal installed through its own ONAPPINSTALL; `static` serves the same files with node:http.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, listenServer, openPgliteInstallationStore } from '@imkit/server';
import { appsDir } from '../repo-paths.js';
import { benchPortal, installEventForm } from './bench-installation.js';
import { staticFileServer } from './static-file-server.js';

const placementDist = join(appsDir, 'im-sidebar', 'dist');
const legacyDist = join(appsDir, 'legacy-chat-app', 'dist');

async function startImkit(): Promise<{ url: string; hash: string }> {
  const store = await openPgliteInstallationStore();
  const app = createServer({
    store,
    apps: {
      'im-sidebar/': { dist: placementDist, launch: 'placement' },
      'legacy-chat-app/': { dist: legacyDist, launch: 'chat-app' },
    },
    log: () => {},
    // The bench portal is made up; the install is not what is measured, so it is taken as proven.
    confirmInstall: async () => ({
      confirmed: true,
      grant: {
        accessToken: benchPortal.accessToken,
        refreshToken: benchPortal.refreshToken,
        expiresIn: 3600,
        scope: 'imbot,placement',
        memberId: benchPortal.memberId,
        domain: benchPortal.domain,
        portalOrigin: benchPortal.origin,
      },
    }),
  });
  const installed = await app.request('/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: installEventForm(),
  });
  if (installed.status !== 200) throw new Error(`ONAPPINSTALL answered ${installed.status}`);
  const installation = await store.findByMemberId(benchPortal.memberId);
  if (installation === null) throw new Error('ONAPPINSTALL did not store the installation');
  const server = await listenServer(app, { port: 0, host: '127.0.0.1' });
  return { url: server.url, hash: installation.chatAppHash };
}

function startStatic(): Promise<{ url: string; hash: string }> {
  const server = staticFileServer({
    '/im-sidebar/': join(placementDist, 'index.html'),
    '/legacy-chat-app/': join(legacyDist, 'index.html'),
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, hash: '' });
    });
  });
}

const kind = process.argv[2];
if (kind !== 'imkit' && kind !== 'static') {
  console.error(`server-target: the first argument must be "imkit" or "static", got "${kind ?? ''}"`);
  process.exit(2);
}
const started = await (kind === 'imkit' ? startImkit() : startStatic());
process.stdout.write(`${JSON.stringify(started)}\n`);
process.stdin.resume();
process.stdin.once('end', () => process.exit(0));
