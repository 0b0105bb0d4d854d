import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPgliteInstallationStore } from '../src/store/index.js';
import type { InstallationStore } from '../src/store/installation.js';
import {
  installForm,
  makeAppsDir,
  oauth,
  otherPortal,
  portal,
  postForm,
  testServer,
} from './server-fixture.js';

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
      applicationToken: portal.applicationToken,
      scope: 'imbot,placement',
    });
    expect(stored?.chatAppHash).toMatch(/^[0-9a-f]{32}$/);
    // The tokens stored are the OAuth server's fresh pair: the event's refresh token is used up.
    expect(stored?.refreshToken).toMatch(/^refresh-/);
    expect(stored?.accessToken).toBe(`access-${stored?.refreshToken}`);
    expect(stored?.epoch).toBe(1);
    expect(stored?.accessExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('generates a different HASH for each installation', async () => {
    await postForm(app, '/events', installForm());
    await postForm(
      app,
      '/events',
      installForm(
        {
          'auth[member_id]': 'other-member',
          'auth[domain]': 'other.bitrix24.test',
          'auth[client_endpoint]': 'https://other.bitrix24.test/rest/',
        },
        otherPortal,
      ),
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
    const local = { memberId: portal.memberId, domain: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' };
    const form = installForm(
      { 'auth[domain]': '127.0.0.1:3000', 'auth[client_endpoint]': 'http://127.0.0.1:3000/rest/' },
      local,
    );
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

  it.each([
    'auth[member_id]',
    'auth[domain]',
    'auth[access_token]',
    'auth[refresh_token]',
    'auth[application_token]',
    'event',
  ])('answers 400 naming %s when it is missing, and writes nothing', async (field) => {
    const response = await postForm(app, '/events', installForm({ [field]: null }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'MISSING_FIELD', field });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

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

  it('keeps the HASH on a reinstall with the same application token, and bumps the epoch', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    const after = await store.findByMemberId(portal.memberId);
    expect(after?.chatAppHash).toBe(before?.chatAppHash);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.epoch).toBe((before?.epoch ?? 0) + 1);
  });

  it('refuses another member_id claiming an installed domain with 409, only once the OAuth server proved it', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    const sameDomain = { ...otherPortal, domain: portal.domain, origin: portal.origin };
    const confirmed = await postForm(
      app,
      '/events',
      installForm({ 'auth[member_id]': 'other-member' }, sameDomain),
    );
    expect(confirmed.status).toBe(409);
    expect(await confirmed.json()).toMatchObject({ error: 'DOMAIN_TAKEN', field: 'auth[domain]' });
    expect(await store.findByMemberId('other-member')).toBeNull();
    expect(await store.findByMemberId(portal.memberId)).toEqual(before);
  });

  it('refuses a client_endpoint on another host before asking the OAuth server', async () => {
    const asked = oauth.requests.length;
    for (const endpoint of [
      'https://evil.example/rest/',
      'https://portal.bitrix24.test.evil.example/rest/',
    ]) {
      const response = await postForm(app, '/events', installForm({ 'auth[client_endpoint]': endpoint }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'auth[client_endpoint]' });
    }
    expect(oauth.requests.length).toBe(asked);
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it.each(['10.0.0.7', '127.1', '0x7f.0.0.1', '169.254.43518', '127.0.0.1:8443'])(
    'refuses the IP address %s (any spelling) as the portal in production, asking nobody',
    async (domain) => {
      ({ app } = testServer(store, apps.dir, { production: true }));
      const asked = oauth.requests.length;
      const response = await postForm(
        app,
        '/events',
        installForm({ 'auth[domain]': domain, 'auth[client_endpoint]': null }),
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'auth[domain]' });
      expect(oauth.requests.length).toBe(asked);
    },
  );

  it('answers 400 for other events', async () => {
    const response = await postForm(app, '/events', installForm({ event: 'ONIMBOTMESSAGEADD' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'UNSUPPORTED_EVENT', field: 'event' });
  });
});

describe('ONAPPINSTALL proven with the OAuth server (issue #16 point 1)', () => {
  it('exchanges the event refresh token at the OAuth server with the app credentials, never asking the claimed host', async () => {
    const asked = oauth.requests.length;
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    const sent = oauth.requests.slice(asked);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params.get('grant_type')).toBe('refresh_token');
    expect(sent[0]?.params.get('client_id')).toBe('app.client');
  });

  it('refuses member_id squatting: a token of the attacker portal claiming the victim member_id writes nothing', async () => {
    // The audit's attack: the victim's member_id (not secret), a domain and endpoint the attacker runs,
    // and a genuine token of this app on the attacker's own portal.
    const attacker = {
      memberId: 'attacker-member',
      domain: 'attacker.example.test',
      origin: 'https://attacker.example.test',
    };
    const squat = installForm(
      {
        'auth[domain]': attacker.domain,
        'auth[client_endpoint]': `${attacker.origin}/rest/`,
        'auth[application_token]': 'attacker-app-token',
      },
      attacker,
    );
    const response = await postForm(app, '/events', squat);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'INSTALL_NOT_PROVEN' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
    // …and the victim's own install then goes through.
    expect((await postForm(app, '/events', installForm())).status).toBe(200);
    expect(await store.findByMemberId(portal.memberId)).toMatchObject({
      domain: portal.domain,
      portalOrigin: portal.origin,
    });
  });

  it('never displaces a stored installation with an unproven claim, even with the stored application token', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    const forged = installForm({ 'auth[refresh_token]': 'made-up-refresh' });
    expect((await postForm(app, '/events', forged)).status).toBe(403);
    const otherEndpoint = installForm({ 'auth[domain]': 'evil.example.test', 'auth[client_endpoint]': null });
    expect((await postForm(app, '/events', otherEndpoint)).status).toBe(403);
    expect(await store.findByMemberId(portal.memberId)).toEqual(before);
  });

  it('lets a proven reinstall with a new application token replace the installation, with a new HASH', async () => {
    await postForm(app, '/events', installForm());
    const before = await store.findByMemberId(portal.memberId);
    const again = installForm({ 'auth[application_token]': 'new-application-token-after-reinstall' });
    expect((await postForm(app, '/events', again)).status).toBe(200);
    const after = await store.findByMemberId(portal.memberId);
    expect(after?.applicationToken).toBe('new-application-token-after-reinstall');
    expect(after?.chatAppHash).not.toBe(before?.chatAppHash);
    expect(after?.epoch).toBe((before?.epoch ?? 0) + 1);
  });

  it('refuses a replayed event: its refresh token was used up by the first delivery', async () => {
    const form = installForm();
    expect((await postForm(app, '/events', form)).status).toBe(200);
    const before = await store.findByMemberId(portal.memberId);
    const replay = await postForm(app, '/events', form);
    expect(replay.status).toBe(403);
    expect(await store.findByMemberId(portal.memberId)).toEqual(before);
  });

  it('answers 504 when the OAuth server hangs, 503 when it is unreachable or misconfigured, and writes nothing', async () => {
    ({ app, logs } = testServer(store, apps.dir, { portalTimeoutMs: 100 }));
    oauth.behaviour = { kind: 'hang' };
    expect((await postForm(app, '/events', installForm())).status).toBe(504);
    oauth.behaviour = { kind: 'unreachable' };
    const unreachable = await postForm(app, '/events', installForm());
    expect(unreachable.status).toBe(503);
    expect(await unreachable.json()).toMatchObject({ error: 'OAUTH_UNAVAILABLE' });
    oauth.behaviour = { kind: 'answer', status: 200, body: '<html>not json</html>' };
    expect((await postForm(app, '/events', installForm())).status).toBe(503);
    oauth.behaviour = { kind: 'answer', status: 401, body: JSON.stringify({ error: 'invalid_client' }) };
    expect((await postForm(app, '/events', installForm())).status).toBe(503);
    expect(logs.join('\n')).toContain('server misconfigured');
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('caps unproven attempts per minute and logs them, without asking the OAuth server past the cap', async () => {
    ({ app, logs } = testServer(store, apps.dir, { maxUnprovenInstallsPerMinute: 3 }));
    for (let i = 0; i < 3; i += 1) {
      expect(
        (await postForm(app, '/events', installForm({ 'auth[refresh_token]': `forged-${i}` }))).status,
      ).toBe(403);
    }
    const asked = oauth.requests.length;
    const capped = await postForm(app, '/events', installForm());
    expect(capped.status).toBe(503);
    expect(await capped.json()).toMatchObject({ error: 'INSTALL_ATTEMPTS_LIMITED' });
    expect(oauth.requests.length).toBe(asked);
    expect(logs.filter((line) => line.startsWith('install not proven')).length).toBe(3);
  });

  it('refuses installs with 503 INSTALL_NOT_CONFIGURED when the server has no OAuth credentials', async () => {
    const { createServer } = await import('../src/server.js');
    const bare = createServer({
      store,
      appsDir: apps.dir,
      sessionSecret: 'x'.repeat(32),
      log: () => undefined,
    });
    const response = await postForm(bare, '/events', installForm());
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'INSTALL_NOT_CONFIGURED' });
    expect(await store.findByMemberId(portal.memberId)).toBeNull();
  });

  it('logs refusals without tokens', async () => {
    const forged = installForm({ 'auth[refresh_token]': 'forged-refresh-value' });
    await postForm(app, '/events', forged);
    const text = logs.join('\n');
    expect(text).toContain('GRANT_REJECTED');
    expect(text).toContain(portal.domain);
    for (const secret of ['forged-refresh-value', portal.applicationToken, 'app-secret']) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses bad proof settings at creation', () => {
    expect(() => testServer(store, apps.dir, { portalTimeoutMs: 0 })).toThrow(/portalTimeoutMs/);
    expect(() =>
      testServer(store, apps.dir, {
        confirmInstall: undefined,
        oauth: { clientId: 'has space', clientSecret: 's' },
      }),
    ).toThrow(/clientId/);
    expect(() => testServer(store, apps.dir, { maxUnprovenInstallsPerMinute: 0 })).toThrow(/maxUnproven/);
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

  it('answers 400 without a token, and an unknown portal exactly like a wrong token', async () => {
    await postForm(app, '/events', installForm());
    const missing = installForm({ event: 'ONAPPUNINSTALL', 'auth[application_token]': null });
    expect((await postForm(app, '/events', missing)).status).toBe(400);
    const unknown = await postForm(app, '/events', uninstall(portal.applicationToken, 'nobody'));
    const wrong = await postForm(app, '/events', uninstall('wrong-token'));
    expect(unknown.status).toBe(403);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(await store.findByMemberId(portal.memberId)).not.toBeNull();
  });
});
