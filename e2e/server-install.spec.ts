/**
 * ONAPPINSTALL is authenticated with the portal itself: the handler server (`@imkit/server`) asks the
 * emulated portal's `app.info` with the event's access token before it stores anything. A forged event is
 * refused with 403; a slow or overloaded portal gets 504 / 503; only a token the portal issued installs.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@imkit/emulator/fixture';
import { createServer, type InstallationStore, openPgliteInstallationStore } from '@imkit/server';

type Hono = ReturnType<typeof createServer>;

let store: InstallationStore;

test.beforeEach(async () => {
  store = await openPgliteInstallationStore();
});
test.afterEach(async () => {
  await store.close();
});

function handlerServer(portalTimeoutMs = 5000): Hono {
  return createServer({
    store,
    sessionSecret: randomBytes(32).toString('hex'),
    portalTimeoutMs,
    log: () => undefined,
  });
}

function installEvent(
  portalOrigin: string,
  token: { access_token: string; member_id: string; domain: string },
) {
  return new URLSearchParams({
    event: 'ONAPPINSTALL',
    'data[VERSION]': '1',
    'auth[access_token]': token.access_token,
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

async function setFaults(origin: string, faults: Record<string, number>): Promise<void> {
  const response = await fetch(`${origin}/emulator/api/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
    signal: AbortSignal.timeout(5000),
  });
  expect(response.status).toBe(200);
}

test('a forged ONAPPINSTALL is refused; the token the portal issued installs', async ({ portal }) => {
  const app = handlerServer();
  const token = portal.emulator.applicationToken(1);

  const forged = await post(
    app,
    installEvent(portal.origin, { ...token, access_token: randomBytes(16).toString('hex') }),
  );
  expect(forged).toEqual({ status: 403, body: expect.objectContaining({ error: 'TOKEN_REJECTED' }) });
  expect(await store.findByMemberId(token.member_id)).toBeNull();
  expect(await store.findByDomain(token.domain)).toBeNull();

  const real = await post(app, installEvent(portal.origin, token));
  expect(real.status).toBe(200);
  expect(await store.findByMemberId(token.member_id)).toMatchObject({
    domain: token.domain,
    portalOrigin: portal.origin,
  });
});

test('a portal too slow or overloaded to confirm gets 504 / 503, and nothing is stored', async ({
  portal,
}) => {
  const app = handlerServer(300);
  const token = portal.emulator.applicationToken(1);

  await setFaults(portal.origin, { latencyMs: 1500 });
  const slow = await post(app, installEvent(portal.origin, token));
  expect(slow).toEqual({ status: 504, body: expect.objectContaining({ error: 'PORTAL_TIMEOUT' }) });

  await setFaults(portal.origin, { latencyMs: 0, fail503Count: 1 });
  const overloaded = await post(app, installEvent(portal.origin, token));
  expect(overloaded).toEqual({ status: 503, body: expect.objectContaining({ error: 'PORTAL_UNAVAILABLE' }) });
  expect(await store.findByMemberId(token.member_id)).toBeNull();

  expect((await post(app, installEvent(portal.origin, token))).status).toBe(200);
});
