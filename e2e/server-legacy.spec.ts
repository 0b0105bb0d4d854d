/**
 * The handler server (`@imkit/server`) protecting the legacy chat-app sample, seen in the emulator: the
 * portal installs the app (ONAPPINSTALL → HASH), the app registers with imbot.app.register using that
 * HASH, the shell opens it through a signed launch and the page works; the same launch with a tampered
 * USER_ID is refused with a 403 page.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@imkit/emulator/fixture';
// @imkit/server is not a dependency of @imkit/e2e yet: import its source directly.
import {
  type ChatAppPortals,
  createOAuthClient,
  createPortalClients,
  createServer,
  type Installation,
  type InstallationStore,
  listenServer,
  openPgliteInstallationStore,
  registerChatApp,
  rotateChatAppHashes,
} from '@imkit/server';

const legacyDist = fileURLToPath(new URL('../apps/legacy-chat-app/dist/', import.meta.url));

interface HandlerServer {
  readonly url: string;
  readonly installation: Installation;
  readonly appId: number;
  readonly store: InstallationStore;
  readonly portalCalls: ChatAppPortals;
}

const test = base.extend<{ handlerServer: HandlerServer }>({
  handlerServer: async ({ portal }, use) => {
    if (!existsSync(`${legacyDist}index.html`)) {
      throw new Error('apps/legacy-chat-app/dist is missing: run `pnpm build` first');
    }
    const store = await openPgliteInstallationStore();
    const token = portal.emulator.applicationToken(1);
    const app = createServer({
      store,
      apps: { 'legacy-chat-app/': { dist: legacyDist, launch: 'chat-app' } },
      sessionSecret: randomBytes(32).toString('hex'),
      oauth: {
        tokenUrl: `${portal.origin}/oauth/token/`,
        clientId: token.client_id,
        clientSecret: token.client_secret,
      },
      log: () => undefined,
    });
    const server = await listenServer(app, { port: 0, host: '127.0.0.1' });
    const { url } = server;
    try {
      // The portal installs the app: ONAPPINSTALL as a form POST. The server proves it with the emulator's
      // OAuth server (exchanging the refresh token) before storing it, so the token must be one it issued.
      const install = new URLSearchParams({
        event: 'ONAPPINSTALL',
        'data[VERSION]': '1',
        'data[LANGUAGE_ID]': 'en',
        'auth[access_token]': token.access_token,
        'auth[refresh_token]': token.refresh_token,
        'auth[expires_in]': String(token.expires_in),
        'auth[domain]': token.domain,
        'auth[client_endpoint]': `${portal.origin}/rest/`,
        'auth[member_id]': token.member_id,
        'auth[application_token]': randomBytes(16).toString('hex'),
        'auth[scope]': 'imbot,placement,im',
      });
      const installed = await fetch(`${url}events`, {
        method: 'POST',
        body: install,
        signal: AbortSignal.timeout(10_000),
      });
      expect(installed.status).toBe(200);
      const installation = await store.findByMemberId(token.member_id);
      if (installation === null) throw new Error('ONAPPINSTALL stored nothing');
      // The app registers the legacy chat app with the installation's HASH through the server, which
      // records the chat app's id so that HASH rotation can update it.
      const portalCalls: ChatAppPortals = {
        store,
        portals: createPortalClients({
          store,
          production: false,
          oauth: createOAuthClient({
            tokenUrl: `${portal.origin}/oauth/token/`,
            clientId: token.client_id,
            clientSecret: token.client_secret,
            production: false,
          }),
        }),
      };
      const appId = await registerChatApp(
        installation.memberId,
        {
          BOT_ID: 5,
          CODE: 'legacy-sample',
          IFRAME: `${url}legacy-chat-app/`,
          IFRAME_WIDTH: 400,
          IFRAME_HEIGHT: 260,
          CONTEXT: 'ALL',
          LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Legacy sample', DESCRIPTION: 'Signed launch demo' }],
        },
        portalCalls,
      );
      expect((await store.findByMemberId(installation.memberId))?.chatAppIds).toEqual([appId]);
      await use({ url, installation, appId, store, portalCalls });
      portalCalls.portals.close();
    } finally {
      await server.close();
      await store.close();
    }
  },
});

test('the emulator opens the legacy sample through the server, verified, and it sends to the chat', async ({
  handlerServer,
  shell,
}) => {
  await shell.page.reload();
  await expect(shell.page.getByTestId('shell')).toHaveAttribute('data-ready', 'true');
  await shell.openChat('chat12');
  await shell.page.locator(`[data-testid="legacy-app"][data-legacy-app-id="${handlerServer.appId}"]`).click();
  const frame = shell.page.frameLocator('iframe[data-testid="legacy-frame"]');
  await expect(frame.getByTestId('verification')).toContainText('Verified by the server: user 1');
  await expect(frame.getByTestId('verification')).toContainText(handlerServer.installation.domain);

  const text = `Signed launch works ${Date.now()}`;
  await frame.getByLabel('Message').fill(text);
  await frame.getByText('Send to chat').click();
  await expect(frame.getByTestId('status')).toHaveText('Send: done');
  await expect(shell.page.getByTestId('dialog')).toContainText(text);
});

test('the same launch with a tampered USER_ID is refused with 403', async ({
  handlerServer,
  portal,
  shell,
}) => {
  const launch = await shell.page.request.post(`${portal.origin}/emulator/api/legacy-launch`, {
    data: { appId: handlerServer.appId, dialogId: 'chat12', context: 'button' },
  });
  expect(launch.ok()).toBe(true);
  const { url } = (await launch.json()) as { url: string };
  expect(url).toContain('USER_ID=1&');
  const tampered = url.replace('USER_ID=1&', 'USER_ID=2&');

  // Load both in frames of the portal page, so the browser sends the portal's referer.
  const statuses = new Map<string, number>();
  shell.page.on('response', (response) => {
    if (response.url().startsWith(handlerServer.url)) statuses.set(response.url(), response.status());
  });
  await shell.page.evaluate(
    ([good, bad]) => {
      for (const [id, src] of [
        ['signed-launch', good],
        ['tampered-launch', bad],
      ] as const) {
        const frame = document.createElement('iframe');
        frame.id = id;
        frame.src = src;
        frame.style.width = '400px';
        frame.style.height = '200px';
        document.body.append(frame);
      }
    },
    [url, tampered] as const,
  );
  await expect(shell.page.frameLocator('#tampered-launch').locator('body')).toContainText(
    'USER_HASH_MISMATCH',
  );
  await expect(shell.page.frameLocator('#tampered-launch').locator('body')).toContainText('cannot be opened');
  await expect(shell.page.frameLocator('#signed-launch').getByTestId('verification')).toContainText(
    'Verified by the server: user 1',
  );
  expect(statuses.get(tampered)).toBe(403);
  expect(statuses.get(url)).toBe(200);
});

test('HASH rotation: imbot.app.update tells the portal, old launch URLs and sessions die, new launches work', async ({
  handlerServer,
  portal,
  shell,
}) => {
  const launchUrl = async () => {
    const launch = await shell.page.request.post(`${portal.origin}/emulator/api/legacy-launch`, {
      data: { appId: handlerServer.appId, dialogId: 'chat12', context: 'button' },
    });
    expect(launch.ok()).toBe(true);
    return ((await launch.json()) as { url: string }).url;
  };
  const open = (url: string) =>
    fetch(url, { headers: { Referer: `${portal.origin}/` }, signal: AbortSignal.timeout(10_000) });
  const before = await launchUrl();
  const page = await open(before);
  expect(page.status).toBe(200);
  const token = /<meta name="imkit-session" content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const whoami = () =>
    fetch(`${handlerServer.url}legacy-chat-app/api/whoami`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    });
  expect((await whoami()).status).toBe(200);

  const report = await rotateChatAppHashes({ ...handlerServer.portalCalls, olderThanSeconds: 0 });
  expect(report).toEqual({ rotated: [handlerServer.installation.memberId], failed: [] });
  const rotated = await handlerServer.store.findByMemberId(handlerServer.installation.memberId);
  expect(rotated?.chatAppHash).not.toBe(handlerServer.installation.chatAppHash);
  expect(rotated?.epoch).toBe(handlerServer.installation.epoch + 1);

  // The URL from before (as if from a log) no longer verifies, and its session is revoked.
  const replay = await open(before);
  expect(replay.status).toBe(403);
  expect(await replay.text()).toContain('DOMAIN_HASH_MISMATCH');
  const revoked = await whoami();
  expect(revoked.status).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: 'SESSION_REVOKED' });
  // The portal signs new launches with the new HASH.
  expect((await open(await launchUrl())).status).toBe(200);
});
