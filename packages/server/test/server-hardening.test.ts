import { signChatAppLaunch } from '@imkit/frame/verify';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxSessionSeconds } from '../src/session-token.js';
import { openPgliteInstallationStore } from '../src/store/index.js';
import type { Installation, InstallationStore } from '../src/store/installation.js';
import { installForm, makeAppsDir, portal, postForm, testServer } from './server-fixture.js';

// Issue #16, LOW–MEDIUM findings: HEAD, Referrer-Policy, MALFORMED_DOMAIN, the session lifetime.
let store: InstallationStore;
let app: Hono;
let installation: Installation;
const apps = makeAppsDir();
const referer = `${portal.origin}/online/?IM_DIALOG=chat12`;

function signedLaunch(domain: string = portal.origin): string {
  const url = signChatAppLaunch(
    'https://apps.example.test/legacy-chat-app/',
    {
      botId: 39,
      botCode: 'imkit',
      appId: 5,
      appCode: 'legacy',
      domain,
      userId: 7,
      dialogId: 'chat12',
      lang: 'en',
      context: 'textarea',
    },
    installation.chatAppHash,
  );
  return url.slice('https://apps.example.test'.length);
}

const placementForm = () =>
  new URLSearchParams({ AUTH_ID: 'frame-access-token', member_id: portal.memberId, PLACEMENT: 'IM_SIDEBAR' });

beforeAll(async () => {
  store = await openPgliteInstallationStore();
  ({ app } = testServer(store, apps.dir));
  expect((await postForm(app, '/events', installForm())).status).toBe(200);
  installation = (await store.findByMemberId(portal.memberId))!;
}, 60_000);
afterAll(async () => {
  await store.close();
  apps.remove();
});

describe('HEAD of an app (was 415)', () => {
  it.each(['/im-sidebar/', '/im-sidebar/index.html', '/im-sidebar/?DOMAIN=portal.bitrix24.test&APP_SID=x'])(
    'answers %s like a plain GET, without a body',
    async (path) => {
      const get = await app.request(path);
      const head = await app.request(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      for (const name of [
        'content-type',
        'content-security-policy',
        'cache-control',
        'referrer-policy',
        'x-content-type-options',
      ]) {
        expect(head.headers.get(name), name).toBe(get.headers.get(name));
      }
      expect(head.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    },
  );

  it('never verifies or opens a legacy launch: no portal may frame it and no session is made', async () => {
    const head = await app.request(signedLaunch(), { method: 'HEAD', headers: { Referer: referer } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(await head.text()).toBe('');
  });

  it('answers HEAD of the install page with its GET headers', async () => {
    const head = await app.request('/install/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toBe(
      (await app.request('/install/')).headers.get('content-security-policy'),
    );
    expect(await head.text()).toBe('');
  });
});

describe('Referrer-Policy on pages whose URL carries the launch query', () => {
  it('is no-referrer on launched placement, legacy, install and plain-GET pages, all no-store', async () => {
    const pages = [
      await postForm(app, '/im-sidebar/?DOMAIN=portal.bitrix24.test&APP_SID=abc', placementForm()),
      await app.request(signedLaunch(), { headers: { Referer: referer } }),
      await app.request('/install/'),
      await app.request('/im-sidebar/'),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
    }
    expect(await pages[1]!.text()).toContain('imkit-session');
  });

  it('is no-referrer on refusal pages too', async () => {
    const refused = [
      await app.request(signedLaunch().replace('USER_ID=7&', 'USER_ID=1&'), {
        headers: { Referer: referer },
      }),
      await postForm(app, '/im-sidebar/', new URLSearchParams({ member_id: 'unknown-member' })),
    ];
    for (const page of refused) {
      expect(page.status).toBe(403);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('MALFORMED_DOMAIN (was 403, the README says 400)', () => {
  it.each([
    ['a trailing slash', `${portal.origin}/`],
    ['a path', `${portal.origin}/online/`],
    ['a query', `${portal.origin}?x=1`],
  ])('answers a DOMAIN with %s on an installed host with 400', async (_name, domain) => {
    const path = signedLaunch().replace(
      `DOMAIN=${encodeURIComponent(portal.origin)}`,
      `DOMAIN=${encodeURIComponent(domain)}`,
    );
    expect(path).toContain(encodeURIComponent(domain));
    const response = await app.request(path, { headers: { Referer: referer } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('MALFORMED_DOMAIN');
  });
});

describe('sessionTtlSeconds', () => {
  it('uses a valid lifetime for the session token', async () => {
    const short = testServer(store, apps.dir, { sessionTtlSeconds: 60 }).app;
    const page = await (await short.request(signedLaunch(), { headers: { Referer: referer } })).text();
    const expiresAt = Number(/data-expires-at="(\d+)"/.exec(page)?.[1]);
    const now = Math.floor(Date.now() / 1000);
    expect(expiresAt).toBeGreaterThan(now + 50);
    expect(expiresAt).toBeLessThanOrEqual(now + 61);
    expect(maxSessionSeconds).toBe(900);
  });
});
