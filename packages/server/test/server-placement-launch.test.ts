import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPgliteInstallationStore } from '../src/store/index.js';
import type { InstallationStore } from '../src/store/installation.js';
import {
  installForm,
  launchForm,
  launchPath,
  makeAppsDir,
  otherPortal,
  portal,
  postForm,
  testServer,
} from './server-fixture.js';

let store: InstallationStore;
let app: Hono;
const apps = makeAppsDir();

beforeAll(async () => {
  store = await openPgliteInstallationStore();
  ({ app } = testServer(store, apps.dir));
  expect((await postForm(app, '/events', installForm())).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await store.close();
  apps.remove();
});
beforeEach(() => {
  ({ app } = testServer(store, apps.dir));
});

function expectRefusalPage(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.headers.get('x-frame-options')).toBeNull();
}

describe('APPLICATION_TOKEN on placement launches: trust on first use (issue #16 point 6)', () => {
  const otherPath = `/im-sidebar/?DOMAIN=${otherPortal.domain}&PROTOCOL=1&LANG=en&APP_SID=0123456789abcdef0123456789abcdef`;
  const otherLaunch = (overrides: Record<string, string | null> = {}) =>
    launchForm({ member_id: otherPortal.memberId, ...overrides });
  const otherToken = 'other-portal-application-token';

  it('opens without the token until a launch sends it; from then on it is required', async () => {
    const install = installForm(
      {
        'auth[member_id]': otherPortal.memberId,
        'auth[domain]': otherPortal.domain,
        'auth[client_endpoint]': `${otherPortal.origin}/rest/`,
        'auth[application_token]': otherToken,
      },
      otherPortal,
    );
    expect((await postForm(app, '/events', install)).status).toBe(200);
    expect((await postForm(app, otherPath, otherLaunch())).status).toBe(200);
    expect((await postForm(app, otherPath, otherLaunch({ APPLICATION_TOKEN: 'wrong' }))).status).toBe(403);
    expect((await store.findByMemberId(otherPortal.memberId))?.launchTokenRequired).toBe(false);
    expect((await postForm(app, otherPath, otherLaunch({ APPLICATION_TOKEN: otherToken }))).status).toBe(200);
    expect((await store.findByMemberId(otherPortal.memberId))?.launchTokenRequired).toBe(true);
    // A known member_id alone no longer opens the app.
    const bare = await postForm(app, otherPath, otherLaunch());
    expectRefusalPage(bare, 403);
    expect(await bare.text()).toContain('LAUNCH_REFUSED');
    expect((await postForm(app, otherPath, otherLaunch({ APPLICATION_TOKEN: otherToken }))).status).toBe(200);
  });
});

describe('placement launch (the host form POST)', () => {
  it('answers the POST with index.html and frame-ancestors of the installed portal, never X-Frame-Options', async () => {
    const response = await postForm(app, launchPath, launchForm());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>im-sidebar</title>');
    expect(response.headers.get('content-security-policy')).toBe(`frame-ancestors ${portal.origin}`);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('also answers POST /im-sidebar/index.html', async () => {
    expect((await postForm(app, '/im-sidebar/index.html', launchForm())).status).toBe(200);
  });

  it('refuses an unknown member_id exactly like a wrong token: 403 LAUNCH_REFUSED, no oracle', async () => {
    const unknown = await postForm(app, launchPath, launchForm({ member_id: 'unknown-member' }));
    const wrong = await postForm(
      app,
      launchPath,
      launchForm({ APPLICATION_TOKEN: 'c917d38f6bdb84e9d9e0bfe9d585be74' }),
    );
    expectRefusalPage(unknown, 403);
    expectRefusalPage(wrong, 403);
    const page = await unknown.text();
    expect(page).toContain('LAUNCH_REFUSED');
    expect(await wrong.text()).toBe(page);
    expect(page).not.toContain('im-sidebar</body>');
  });

  it('refuses a missing member_id with 400', async () => {
    const response = await postForm(app, launchPath, launchForm({ member_id: null }));
    expectRefusalPage(response, 400);
    expect(await response.text()).toContain('member_id');
  });

  it('refuses a duplicated member_id with 400 even when one copy is right', async () => {
    const form = launchForm();
    form.append('member_id', 'unknown-member');
    const response = await postForm(app, launchPath, form);
    expectRefusalPage(response, 400);
    expect(await response.text()).toContain('DUPLICATED_FIELD');
  });

  it('refuses a DOMAIN query naming another portal (the CSP is never reflected from it)', async () => {
    const response = await postForm(app, '/im-sidebar/?DOMAIN=evil.example.test&PROTOCOL=1', launchForm());
    expectRefusalPage(response, 403);
    expect(response.headers.get('content-security-policy') ?? '').not.toContain('evil');
  });

  it('refuses a duplicated DOMAIN query parameter with 400', async () => {
    const response = await postForm(app, `${launchPath}&DOMAIN=evil.example.test`, launchForm());
    expectRefusalPage(response, 400);
  });

  it('refuses a JSON body with 415 and an oversized one with 413', async () => {
    const json = await app.request(launchPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ member_id: portal.memberId }),
    });
    expect(json.status).toBe(415);
    const big = await postForm(app, launchPath, launchForm({ PLACEMENT_OPTIONS: 'x'.repeat(65 * 1024) }));
    expect(big.status).toBe(413);
  });

  it('answers a plain GET with the page but lets no one frame it', async () => {
    const response = await app.request(`${launchPath}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('redirects the handler path without its slash, keeping the query', async () => {
    const response = await app.request('/im-sidebar?DOMAIN=x', { method: 'POST' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/im-sidebar/?DOMAIN=x');
  });
});

describe('static files', () => {
  it('serves assets with their type', async () => {
    const response = await app.request('/im-sidebar/assets/main.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toContain('im-sidebar');
  });

  it.each([
    '/im-sidebar/assets/missing.js',
    '/im-sidebar/..%2f..%2fsecret.txt',
    '/im-sidebar/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    '/im-sidebar/assets%5c..%5c..%5csecret.txt',
    '/im-sidebar/%00',
    '/im-sidebar/%E0%A4%A',
    '/nothing-here/',
  ])('answers 404 for %s', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the dist');
  });
});

describe('install page', () => {
  it('answers GET and POST with the page, framed by https portals and loopback outside production', async () => {
    for (const method of ['GET', 'POST']) {
      const response =
        method === 'GET'
          ? await app.request('/install/')
          : await postForm(app, '/install/', launchForm({ member_id: 'new' }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(
        'frame-ancestors https: http://127.0.0.1:* http://localhost:*',
      );
    }
  });

  it('allows only https portals (or the configured list) in production', async () => {
    const production = testServer(store, apps.dir, { production: true }).app;
    expect((await production.request('/install/')).headers.get('content-security-policy')).toBe(
      'frame-ancestors https:',
    );
    const listed = testServer(store, apps.dir, { installFrameAncestors: [portal.origin] }).app;
    expect((await listed.request('/install/')).headers.get('content-security-policy')).toBe(
      `frame-ancestors ${portal.origin}`,
    );
  });
});

describe('after ONAPPUNINSTALL', () => {
  it('refuses launches of the removed portal', async () => {
    const uninstall = installForm({ event: 'ONAPPUNINSTALL' });
    expect((await postForm(app, '/events', uninstall)).status).toBe(200);
    expectRefusalPage(await postForm(app, launchPath, launchForm()), 403);
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
  });
});
