import { afterAll, describe, expect, it } from 'vitest';
import { appMountsFrom, discoverAppMounts } from '../src/app-mounts.js';
import { createServer, ServerConfigError } from '../src/server.js';
import { makeAppsDir, sessionSecret, unreachableStore } from './server-fixture.js';

const apps = makeAppsDir();
afterAll(() => apps.remove());

describe('createServer options', () => {
  it('refuses production without a session secret, and short secrets', () => {
    expect(() => createServer({ store: unreachableStore, production: true })).toThrow(ServerConfigError);
    expect(() => createServer({ store: unreachableStore, production: true })).toThrow(/IMKIT_SESSION_SECRET/);
    expect(() => createServer({ store: unreachableStore, sessionSecret: 'short' })).toThrow(/32 bytes/);
  });

  it('refuses a base path that is not a path and an apps folder that does not exist', () => {
    expect(() => createServer({ store: unreachableStore, sessionSecret, basePath: 'x/../y' })).toThrow(
      ServerConfigError,
    );
    expect(() =>
      createServer({ store: unreachableStore, sessionSecret, appsDir: '/no/such/folder' }),
    ).toThrow(/does not exist/);
  });

  it('mounts apps under the base path only', async () => {
    const app = createServer({
      store: unreachableStore,
      sessionSecret,
      appsDir: apps.dir,
      basePath: '/chat/',
    });
    expect((await app.request('/chat/im-sidebar/')).status).toBe(200);
    expect((await app.request('/chat/im-sidebar/assets/main.js')).status).toBe(200);
    expect((await app.request('/im-sidebar/')).status).toBe(404);
    const event = await app.request('/chat/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(event.status).toBe(415);
  });

  it('serves an explicit apps map with its launch kinds', async () => {
    const app = createServer({
      store: unreachableStore,
      sessionSecret,
      apps: {
        '/sidebar': `${apps.dir}/im-sidebar/dist`,
        'setup/': { dist: `${apps.dir}/install/dist`, launch: 'install' },
      },
      log: () => undefined,
    });
    expect(await (await app.request('/sidebar/')).text()).toContain('im-sidebar');
    expect((await app.request('/setup/')).headers.get('content-security-policy')).toContain('https:');
  });
});

describe('app mounts', () => {
  it('discovers built apps with their launch kind', () => {
    expect(discoverAppMounts(apps.dir).map(({ path, launch }) => ({ path, launch }))).toEqual([
      { path: 'im-sidebar/', launch: 'placement' },
      { path: 'install/', launch: 'install' },
      { path: 'legacy-chat-app/', launch: 'chat-app' },
    ]);
  });

  it.each(['../etc/', '', '/', 'a b/', 'a/../b/'])('refuses the handler path %j', (path) => {
    expect(() => appMountsFrom({ [path]: apps.dir })).toThrow(/handler path/);
  });

  it('refuses an unknown launch kind', () => {
    expect(() =>
      appMountsFrom({ 'x/': { dist: apps.dir, launch: 'popup' as unknown as 'placement' } }),
    ).toThrow(/launch kind/);
  });
});
