/**
 * ONAPPINSTALL is proven with the OAuth server: the handler server (`@imkit/server`) exchanges the event's
 * refresh token at the emulator's `/oauth/token/` with the app's client credentials, and stores the
 * installation only when the answer names the claimed portal. A forged token, a claim of another portal's
 * member_id and a replayed event are refused with 403; only a refresh token the portal issued installs.
 */
import { randomBytes } from 'node:crypto';
import type { ApplicationToken } from '@imkit/emulator';
import { expect, test } from '@imkit/emulator/fixture';
import { createServer, type InstallationStore, openPgliteInstallationStore } from '@imkit/server';

type Hono = ReturnType<typeof createServer>;
type Token = ApplicationToken;

let store: InstallationStore;

test.beforeEach(async () => {
  store = await openPgliteInstallationStore();
});
test.afterEach(async () => {
  await store.close();
});

function handlerServer(portalOrigin: string, token: Token): Hono {
  return createServer({
    store,
    sessionSecret: randomBytes(32).toString('hex'),
    oauth: {
      tokenUrl: `${portalOrigin}/oauth/token/`,
      clientId: token.client_id,
      clientSecret: token.client_secret,
    },
    log: () => undefined,
  });
}

function installEvent(
  portalOrigin: string,
  token: { refresh_token: string; access_token: string; member_id: string; domain: string },
) {
  return new URLSearchParams({
    event: 'ONAPPINSTALL',
    'data[VERSION]': '1',
    'auth[access_token]': token.access_token,
    'auth[refresh_token]': token.refresh_token,
    'auth[domain]': token.domain,
    'auth[client_endpoint]': `${portalOrigin}/rest/`,
    'auth[member_id]': token.member_id,
    'auth[application_token]': randomBytes(16).toString('hex'),
  });
}

async function post(app: Hono, form: URLSearchParams): Promise<{ status: number; body: { error?: string } }> {
  const response = await app.request('/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

test('a forged or squatting ONAPPINSTALL is refused; the refresh token the portal issued installs, once', async ({
  portal,
}) => {
  const token = portal.emulator.applicationToken(1);
  const app = handlerServer(portal.origin, token);

  const forged = await post(
    app,
    installEvent(portal.origin, { ...token, refresh_token: randomBytes(16).toString('hex') }),
  );
  expect(forged).toEqual({ status: 403, body: expect.objectContaining({ error: 'INSTALL_NOT_PROVEN' }) });

  // A genuine refresh token, but a claim of another portal's member_id: the OAuth server names the real one.
  const squat = await post(app, installEvent(portal.origin, { ...token, member_id: 'victim-member-id' }));
  expect(squat).toEqual({ status: 403, body: expect.objectContaining({ error: 'INSTALL_NOT_PROVEN' }) });
  expect(await store.findByMemberId('victim-member-id')).toBeNull();
  expect(await store.findByMemberId(token.member_id)).toBeNull();

  // The squat used that refresh token up, as a real exchange would: the portal's next event carries a fresh one.
  const fresh = portal.emulator.applicationToken(1);
  const event = installEvent(portal.origin, fresh);
  const real = await post(app, event);
  expect(real.status).toBe(200);
  const stored = await store.findByMemberId(fresh.member_id);
  expect(stored).toMatchObject({ domain: fresh.domain, portalOrigin: portal.origin, epoch: 1 });
  // The stored tokens are the OAuth server's new pair, and they work on the portal.
  expect(stored?.refreshToken).not.toBe(fresh.refresh_token);
  const me = await fetch(`${portal.origin}/rest/user.current.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth: stored?.accessToken }),
    signal: AbortSignal.timeout(10_000),
  });
  expect(me.status).toBe(200);

  const replay = await post(app, event);
  expect(replay).toEqual({ status: 403, body: expect.objectContaining({ error: 'INSTALL_NOT_PROVEN' }) });
  expect(await store.findByMemberId(fresh.member_id)).toEqual(stored);
});
