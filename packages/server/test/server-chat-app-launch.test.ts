import { signChatAppLaunch } from '@imkit/frame/verify';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signChatAppSession } from '../src/session-token.js';
import { openPgliteInstallationStore } from '../src/store/index.js';
import type { Installation, InstallationStore } from '../src/store/installation.js';
import { installForm, makeAppsDir, portal, postForm, sessionSecret, testServer } from './server-fixture.js';

let store: InstallationStore;
let app: Hono;
let installation: Installation;
const apps = makeAppsDir();
const iframe = 'https://apps.example.test/legacy-chat-app/';
const referer = `${portal.origin}/online/?IM_DIALOG=chat12`;

function signedLaunch(hash = installation.chatAppHash, userId = 7, domain = portal.origin): string {
  const url = signChatAppLaunch(
    iframe,
    {
      botId: 39,
      botCode: 'imkit',
      appId: 5,
      appCode: 'legacy',
      domain,
      userId,
      dialogId: 'chat12',
      lang: 'en',
      context: 'textarea',
    },
    hash,
  );
  return url.slice('https://apps.example.test'.length);
}

function open(path: string, headers: Record<string, string> = { Referer: referer }) {
  return app.request(path, { headers });
}

function sessionOf(html: string): string {
  const match = /<meta name="imkit-session" content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no session meta in page');
  return match[1];
}

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
beforeEach(() => {
  ({ app } = testServer(store, apps.dir));
});

describe('legacy chat-app launch', () => {
  it('serves a verified launch with frame-ancestors of the portal and a session token', async () => {
    const response = await open(signedLaunch());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(`frame-ancestors ${portal.origin}`);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<title>legacy-chat-app</title>');
    const whoami = await app.request('/legacy-chat-app/api/whoami', {
      headers: { Authorization: `Bearer ${sessionOf(html)}` },
    });
    expect(whoami.status).toBe(200);
    const claims = await whoami.json();
    expect(claims).toMatchObject({
      memberId: portal.memberId,
      domain: portal.domain,
      portal: portal.origin,
      userId: 7,
    });
    // DIALOG_ID is not covered by the hashes: the session never vouches for it.
    expect(claims).not.toHaveProperty('dialogId');
  });

  it('does not launder an unsigned field: a changed DIALOG_ID still verifies but the session carries no dialog', async () => {
    const tampered = signedLaunch().replace('DIALOG_ID=chat12', 'DIALOG_ID=chat999');
    const response = await open(tampered);
    expect(response.status).toBe(200);
    const token = sessionOf(await response.text());
    const payload = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
    expect(JSON.stringify(payload)).not.toContain('chat999');
    const claims = await (
      await app.request('/legacy-chat-app/api/whoami', { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    expect(JSON.stringify(claims)).not.toContain('chat999');
  });

  it('accepts a referer that is exactly the portal origin', async () => {
    expect((await open(signedLaunch(), { Referer: `${portal.origin}/` })).status).toBe(200);
  });

  it('refuses a tampered USER_ID with 403 and a page that says why', async () => {
    const tampered = signedLaunch().replace('USER_ID=7&', 'USER_ID=1&');
    const response = await open(tampered);
    expect(response.status).toBe(403);
    const page = await response.text();
    expect(page).toContain('USER_HASH_MISMATCH');
    expect(page).not.toContain('imkit-session');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it('refuses a launch signed with another HASH', async () => {
    const response = await open(signedLaunch('0123456789abcdef0123456789abcdef'));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('DOMAIN_HASH_MISMATCH');
  });

  it.each([
    ['look-alike host', 'https://portal.bitrix24.test.evil.example/'],
    ['other scheme', 'http://portal.bitrix24.test/'],
    ['other port', 'https://portal.bitrix24.test:8443/'],
    ['prefix with userinfo', 'https://portal.bitrix24.test@evil.example/'],
    ['not a URL', 'portal.bitrix24.test'],
  ])('refuses a %s referer', async (_name, value) => {
    const response = await open(signedLaunch(), { Referer: value });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('REFERER_MISMATCH');
  });

  it('refuses a launch without a referer', async () => {
    const response = await open(signedLaunch(), {});
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('REFERER_MISSING');
  });

  it('refuses duplicated USER_ID and DOMAIN parameters with 400', async () => {
    expect((await open(`${signedLaunch()}USER_ID=1&`)).status).toBe(400);
    const duplicatedDomain = await open(
      `${signedLaunch()}DOMAIN=${encodeURIComponent('https://evil.example')}&`,
    );
    expect(duplicatedDomain.status).toBe(400);
    expect(await duplicatedDomain.text()).toContain('DOMAIN');
  });

  it.each(['DOMAIN', 'DOMAIN_HASH', 'USER_ID', 'USER_HASH'])(
    'refuses a launch without %s with 400',
    async (field) => {
      const path = signedLaunch().replace(new RegExp(`([?&])${field}=[^&]*&`), '$1');
      const response = await open(path);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(field);
    },
  );

  it('refuses an uninstalled portal and a DOMAIN with another scheme', async () => {
    const other = await open(signedLaunch(installation.chatAppHash, 7, 'https://other.bitrix24.test'), {
      Referer: 'https://other.bitrix24.test/',
    });
    expect(other.status).toBe(403);
    expect(await other.text()).toContain('UNKNOWN_PORTAL');
    const http = await open(signedLaunch(installation.chatAppHash, 7, 'http://portal.bitrix24.test'), {
      Referer: 'http://portal.bitrix24.test/',
    });
    expect(http.status).toBe(403);
    expect(await http.text()).toContain('DOMAIN_MISMATCH');
  });

  it('refuses a malformed DOMAIN with 400', async () => {
    const response = await open(
      '/legacy-chat-app/?DOMAIN=javascript%3Aalert(1)&DOMAIN_HASH=x&USER_ID=1&USER_HASH=y',
    );
    expect(response.status).toBe(400);
  });
});

describe('GET /legacy-chat-app/api/whoami', () => {
  const whoami = (authorization?: string) =>
    app.request(
      '/legacy-chat-app/api/whoami',
      authorization ? { headers: { Authorization: authorization } } : {},
    );

  it('answers 401 without a token, with a malformed or forged one', async () => {
    expect((await whoami()).status).toBe(401);
    expect((await whoami('Basic abc')).status).toBe(401);
    expect((await whoami('Bearer not-a-token')).status).toBe(401);
    const forged = signChatAppSession(
      { memberId: portal.memberId, userId: 1, app: 'legacy-chat-app/', epoch: installation.epoch },
      `${sessionSecret}-other`,
    );
    expect((await whoami(`Bearer ${forged.token}`)).status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    const expired = signChatAppSession(
      { memberId: portal.memberId, userId: 1, app: 'legacy-chat-app/', epoch: installation.epoch },
      sessionSecret,
      { now: Date.now() - 16 * 60 * 1000 },
    );
    const response = await whoami(`Bearer ${expired.token}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'EXPIRED' });
  });

  it('answers 403 for a token issued to another app', async () => {
    const other = signChatAppSession(
      { memberId: portal.memberId, userId: 1, app: 'im-sidebar/', epoch: installation.epoch },
      sessionSecret,
    );
    expect((await whoami(`Bearer ${other.token}`)).status).toBe(403);
  });

  it('voids sessions issued before a reinstall: a session of another epoch answers 401 SESSION_REVOKED', async () => {
    const token = sessionOf(await (await open(signedLaunch())).text());
    expect((await whoami(`Bearer ${token}`)).status).toBe(200);
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    installation = (await store.findByMemberId(portal.memberId))!;
    const revoked = await whoami(`Bearer ${token}`);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: 'SESSION_REVOKED' });
  });

  it('answers 401 once the portal uninstalled the app', async () => {
    const token = sessionOf(await (await open(signedLaunch())).text());
    expect((await whoami(`Bearer ${token}`)).status).toBe(200);
    expect((await postForm(app, '/events', installForm({ event: 'ONAPPUNINSTALL' }))).status).toBe(200);
    expect((await whoami(`Bearer ${token}`)).status).toBe(401);
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    installation = (await store.findByMemberId(portal.memberId))!;
  });
});
