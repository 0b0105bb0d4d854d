import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { confirmInstallWithPortal } from '../src/portal-confirmation.js';
import { openPgliteInstallationStore } from '../src/store/index.js';
import type { InstallationStore } from '../src/store/installation.js';
import { appInfoAnswer, issuedTokensPortal, scriptedPortal } from './scripted-portal.js';
import { installForm, makeAppsDir, portal, postForm, testServer } from './server-fixture.js';

let store: InstallationStore;
let app: Hono;
let logs: string[];
const apps = makeAppsDir();

beforeAll(async () => {
  store = await openPgliteInstallationStore();
}, 60_000);
afterAll(async () => {
  await store.close();
  apps.remove();
});
beforeEach(async () => {
  await store.delete(portal.memberId);
  await store.delete('other-member');
  ({ app, logs } = testServer(store, apps.dir));
});

describe('ONAPPINSTALL', () => {
  it('stores the installation with a generated 32-hex HASH and answers 200', async () => {
    const response = await postForm(app, '/events', installForm());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: true });
    const stored = await store.findByMemberId(portal.memberId);
    expect(stored).toMatchObject({
      memberId: portal.memberId,
      domain: portal.domain,
      portalOrigin: portal.origin,
      accessToken: portal.accessToken,
      refreshToken: portal.refreshToken,
      applicationToken: portal.applicationToken,
      scope: 'imbot,placement',
    });
    expect(stored?.chatAppHash).toMatch(/^[0-9a-f]{32}$/);
    expect(stored?.accessExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('generates a different HASH for each installation', async () => {
    await postForm(app, '/events', installForm());
    await postForm(
      app,
      '/events',
      installForm({
        'auth[member_id]': 'other-member',
        'auth[domain]': 'other.bitrix24.test',
        'auth[client_endpoint]': 'https://other.bitrix24.test/rest/',
        'auth[access_token]': 'other-access',
      }),
    );
    const first = await store.findByMemberId(portal.memberId);
    const second = await store.findByMemberId('other-member');
    expect(first?.chatAppHash).not.toBe(second?.chatAppHash);
  });

  it('never logs tokens', async () => {
    await postForm(app, '/events', installForm());
    await postForm(app, '/events', installForm({ event: 'ONAPPUNINSTALL' }));
    expect(logs.length).toBeGreaterThan(0);
    const text = logs.join('\n');
    for (const secret of [portal.accessToken, portal.refreshToken, portal.applicationToken]) {
      expect(text).not.toContain(secret);
    }
  });

  it('defaults the portal origin to https when client_endpoint is absent', async () => {
    await postForm(app, '/events', installForm({ 'auth[client_endpoint]': null }));
    expect((await store.findByMemberId(portal.memberId))?.portalOrigin).toBe(portal.origin);
  });

  it('takes http and the port from client_endpoint on the same host outside production', async () => {
    const form = installForm({
      'auth[domain]': '127.0.0.1:3000',
      'auth[client_endpoint]': 'http://127.0.0.1:3000/rest/',
    });
    expect((await postForm(app, '/events', form)).status).toBe(200);
    expect((await store.findByMemberId(portal.memberId))?.portalOrigin).toBe('http://127.0.0.1:3000');
  });

  it('refuses an http portal in production', async () => {
    ({ app } = testServer(store, apps.dir, { production: true }));
    const form = installForm({
      'auth[domain]': '127.0.0.1:3000',
      'auth[client_endpoint]': 'http://127.0.0.1:3000/rest/',
    });
    const response = await postForm(app, '/events', form);
    expect(response.status).toBe(400);
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('refuses a client_endpoint on another host than auth[domain]', async () => {
    const response = await postForm(
      app,
      '/events',
      installForm({ 'auth[client_endpoint]': 'https://evil.example/rest/' }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'auth[client_endpoint]' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it.each(['auth[member_id]', 'auth[domain]', 'auth[access_token]', 'auth[application_token]', 'event'])(
    'answers 400 naming %s when it is missing, and writes nothing',
    async (field) => {
      const response = await postForm(app, '/events', installForm({ [field]: null }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'MISSING_FIELD', field });
      expect(await store.findByMemberId(portal.memberId)).toBeNull();
    },
  );

  it('answers 400 for a duplicated field, and writes nothing', async () => {
    const form = installForm();
    form.append('auth[member_id]', 'other-member');
    const response = await postForm(app, '/events', form);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'DUPLICATED_FIELD', field: 'auth[member_id]' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
    expect(await store.findByMemberId('other-member')).toBeNull();
  });

  it.each([
    ['auth[domain]', 'localhost'],
    ['auth[domain]', 'evil.example/path'],
    ['auth[member_id]', "x' OR '1'='1"],
    ['auth[expires_in]', 'soon'],
    ['auth[client_endpoint]', 'not a url'],
  ])('answers 400 for a malformed %s', async (field, value) => {
    const response = await postForm(app, '/events', installForm({ [field]: value }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const response = await postForm(app, '/events', `${installForm().toString()}&x=%ff%fe`);
    expect(response.status).toBe(400);
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
    const raw = await app.request('/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new Uint8Array([0x65, 0x3d, 0xff, 0xfe]),
    });
    expect(raw.status).toBe(400);
  });

  it('answers 415 for a JSON body', async () => {
    const response = await app.request('/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: 'ONAPPINSTALL' }),
    });
    expect(response.status).toBe(415);
  });

  it('answers 413 for a body over 64 KB, and writes nothing', async () => {
    const response = await postForm(app, '/events', installForm({ 'data[PAD]': 'x'.repeat(70 * 1024) }));
    expect(response.status).toBe(413);
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('keeps the HASH on a reinstall with the same application token', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    await postForm(app, '/events', installForm({ 'auth[access_token]': 'fresh-access' }));
    const after = await store.findByMemberId(portal.memberId);
    expect(after?.chatAppHash).toBe(before?.chatAppHash);
    expect(after?.accessToken).toBe('fresh-access');
  });

  it('refuses a reinstall over an existing portal with another application token', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    const response = await postForm(
      app,
      '/events',
      installForm({
        'auth[application_token]': 'attacker-token',
        'auth[domain]': 'evil.example.test',
        'auth[client_endpoint]': null,
      }),
    );
    expect(response.status).toBe(403);
    expect(await store.findByMemberId(portal.memberId)).toEqual(before);
  });

  it('refuses another member_id claiming an installed domain with 409, only once the portal confirmed it', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    const unconfirmed = installForm({ 'auth[member_id]': 'other-member', 'auth[access_token]': 'made-up' });
    expect((await postForm(app, '/events', unconfirmed)).status).toBe(403);
    const confirmed = await postForm(app, '/events', installForm({ 'auth[member_id]': 'other-member' }));
    expect(confirmed.status).toBe(409);
    expect(await confirmed.json()).toMatchObject({ error: 'DOMAIN_TAKEN', field: 'auth[domain]' });
    expect(await store.findByMemberId('other-member')).toBeNull();
    expect(await store.findByMemberId(portal.memberId)).toEqual(before);
  });

  it('refuses a client_endpoint on another host before asking any portal', async () => {
    const scripted = issuedTokensPortal();
    ({ app } = testServer(store, apps.dir, {
      confirmInstall: confirmInstallWithPortal({ fetch: scripted.fetch }),
    }));
    for (const endpoint of [
      'https://evil.example/rest/',
      'https://portal.bitrix24.test.evil.example/rest/',
    ]) {
      const response = await postForm(app, '/events', installForm({ 'auth[client_endpoint]': endpoint }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'auth[client_endpoint]' });
    }
    expect(scripted.requests).toEqual([]);
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('refuses an IP address as the portal in production', async () => {
    ({ app } = testServer(store, apps.dir, { production: true }));
    const form = installForm({
      'auth[domain]': '10.0.0.7',
      'auth[client_endpoint]': 'https://10.0.0.7/rest/',
    });
    const response = await postForm(app, '/events', form);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: 'auth[domain]' });
  });

  it('answers 400 for other events', async () => {
    const response = await postForm(app, '/events', installForm({ event: 'ONIMBOTMESSAGEADD' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'UNSUPPORTED_EVENT', field: 'event' });
  });
});

describe('ONAPPINSTALL confirmed with the portal', () => {
  it('asks the claimed portal with the event token, then stores the installation', async () => {
    const scripted = issuedTokensPortal();
    ({ app } = testServer(store, apps.dir, {
      confirmInstall: confirmInstallWithPortal({ fetch: scripted.fetch }),
    }));
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    expect(scripted.requests).toEqual([
      {
        url: `${portal.origin}/rest/app.info.json`,
        method: 'POST',
        redirect: 'manual',
        auth: portal.accessToken,
      },
    ]);
    expect(await store.findByMemberId(portal.memberId)).toMatchObject({ domain: portal.domain });
  });

  it('answers 403 TOKEN_REJECTED and writes nothing when the portal does not know the token', async () => {
    const response = await postForm(app, '/events', installForm({ 'auth[access_token]': 'forged-token' }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'TOKEN_REJECTED', field: 'auth[access_token]' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
    expect(await store.findByDomain(portal.domain)).toBeNull();
  });

  it('lets the real portal install after a forged ONAPPINSTALL claimed its domain first', async () => {
    // The audit's attack: a stranger posts first, claiming the victim's domain with a made-up token.
    const forged = installForm({
      'auth[member_id]': 'attacker-member',
      'auth[access_token]': 'attacker-token',
    });
    expect((await postForm(app, '/events', forged)).status).toBe(403);
    expect(await store.findByDomain(portal.domain)).toBeNull();
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    expect((await store.findByDomain(portal.domain))?.memberId).toBe(portal.memberId);
  });

  it('answers 403 MEMBER_MISMATCH when the portal names another member_id', async () => {
    const scripted = scriptedPortal(() => appInfoAnswer({ member_id: 'the-real-member' }));
    ({ app } = testServer(store, apps.dir, {
      confirmInstall: confirmInstallWithPortal({ fetch: scripted.fetch }),
    }));
    const response = await postForm(app, '/events', installForm());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'MEMBER_MISMATCH', field: 'auth[member_id]' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('checks the app against clientId when one is configured', async () => {
    const fetch = issuedTokensPortal().fetch;
    ({ app } = testServer(store, apps.dir, {
      confirmInstall: confirmInstallWithPortal({ fetch, clientId: 'local.someone.else' }),
    }));
    const response = await postForm(app, '/events', installForm());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'CLIENT_MISMATCH' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
    ({ app } = testServer(store, apps.dir, {
      confirmInstall: confirmInstallWithPortal({ fetch, clientId: 'local.6650f1d2c5a4e1.00000001' }),
    }));
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
  });

  it('answers 504 and writes nothing when the portal does not answer in time', async () => {
    const scripted = scriptedPortal(() => ({ kind: 'hang' }));
    ({ app } = testServer(store, apps.dir, {
      confirmInstall: confirmInstallWithPortal({ fetch: scripted.fetch, timeoutMs: 60 }),
      portalTimeoutMs: 100,
    }));
    const response = await postForm(app, '/events', installForm());
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: 'PORTAL_TIMEOUT', field: 'auth[domain]' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('answers 504 even when a custom confirmer never settles', async () => {
    ({ app } = testServer(store, apps.dir, {
      confirmInstall: () => new Promise(() => undefined),
      portalTimeoutMs: 50,
    }));
    expect((await postForm(app, '/events', installForm())).status).toBe(504);
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('answers 503 and writes nothing when the portal cannot be reached', async () => {
    const response = await postForm(
      app,
      '/events',
      installForm({ 'auth[domain]': 'gone.bitrix24.test', 'auth[client_endpoint]': null }),
    );
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'PORTAL_UNAVAILABLE' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('confirms a reinstall too, and keeps the stored one when the portal disowns the new token', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    const response = await postForm(app, '/events', installForm({ 'auth[access_token]': 'stale-token' }));
    expect(response.status).toBe(403);
    expect(await store.findByMemberId(portal.memberId)).toEqual(before);
  });

  it('logs refusals without tokens', async () => {
    await postForm(app, '/events', installForm({ 'auth[access_token]': 'forged-token-value' }));
    const text = logs.join('\n');
    expect(text).toContain('TOKEN_REJECTED');
    expect(text).toContain(portal.domain);
    for (const secret of ['forged-token-value', portal.applicationToken, portal.refreshToken]) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses bad confirmation settings at creation', () => {
    expect(() => testServer(store, apps.dir, { portalTimeoutMs: 0 })).toThrow(/portalTimeoutMs/);
    expect(() => testServer(store, apps.dir, { clientId: 'has space' })).toThrow(/clientId/);
  });
});

describe('ONAPPUNINSTALL', () => {
  const uninstall = (token: string, memberId = portal.memberId) =>
    installForm({ event: 'ONAPPUNINSTALL', 'auth[application_token]': token, 'auth[member_id]': memberId });

  it('deletes the installation when the application token matches', async () => {
    await postForm(app, '/events', installForm());
    const response = await postForm(app, '/events', uninstall(portal.applicationToken));
    expect(response.status).toBe(200);
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('keeps it when the token differs (403), even by one character or in case', async () => {
    await postForm(app, '/events', installForm());
    for (const token of [
      `${portal.applicationToken.slice(0, -1)}4`,
      portal.applicationToken.toUpperCase(),
      'x',
    ]) {
      expect((await postForm(app, '/events', uninstall(token))).status).toBe(403);
    }
    expect(await store.findByMemberId(portal.memberId)).not.toBeNull();
  });

  it('answers 400 without a token and 404 for an unknown portal', async () => {
    await postForm(app, '/events', installForm());
    const missing = installForm({ event: 'ONAPPUNINSTALL', 'auth[application_token]': null });
    expect((await postForm(app, '/events', missing)).status).toBe(400);
    expect((await postForm(app, '/events', uninstall(portal.applicationToken, 'nobody'))).status).toBe(404);
    expect(await store.findByMemberId(portal.memberId)).not.toBeNull();
  });
});
