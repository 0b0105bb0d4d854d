/**
 * The app's install and uninstall as the host does them: bitrix24/b24restdocs
 * api-reference/common/events/on-app-install.md, on-app-uninstall.md and
 * settings/app-installation/local-apps/installation-callback.md; HOST-PROTOCOL.md §6.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { harness } from './emulator-harness.js';
import { type EventHandlerServer, startEventHandler } from './event-handler-server.js';

const handlers: EventHandlerServer[] = [];
async function handler(status = 200): Promise<EventHandlerServer> {
  const started = await startEventHandler(status);
  handlers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((h) => h.close()));
});

const installAuthKeys = [
  'access_token',
  'expires',
  'expires_in',
  'scope',
  'domain',
  'server_endpoint',
  'status',
  'client_endpoint',
  'member_id',
  'user_id',
  'refresh_token',
  'application_token',
].map((key) => `auth[${key}]`);

describe('app install (on-app-install.md)', () => {
  it('posts ONAPPINSTALL as a form with data, ts and the admin tokens; the tokens work and refresh', async () => {
    const { api, rest, app } = harness({ installed: false });
    const install = await handler();
    const answer = await api('app/install', { handlerUrl: install.url });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ event: 'ONAPPINSTALL', handler: install.url, status: 200 });
    const [post] = await install.received(1);
    expect(post!.contentType).toBe('application/x-www-form-urlencoded');
    const fields = post!.fields;
    expect(Object.keys(fields)).toEqual([
      'event',
      'data[VERSION]',
      'data[ACTIVE]',
      'data[INSTALLED]',
      'data[LANGUAGE_ID]',
      'ts',
      ...installAuthKeys,
    ]);
    expect(fields).toMatchObject({
      event: 'ONAPPINSTALL',
      'data[ACTIVE]': 'Y',
      'data[INSTALLED]': 'Y',
      'data[LANGUAGE_ID]': 'en',
      'auth[domain]': '127.0.0.1:3000',
      'auth[client_endpoint]': 'http://127.0.0.1:3000/rest/',
      'auth[server_endpoint]': 'http://127.0.0.1:3000/oauth/rest/',
      'auth[member_id]': 'a223c6b3710f85df22e9377d6c4f7553',
      'auth[user_id]': '1',
      'auth[expires_in]': '3600',
      'auth[status]': 'L',
    });
    expect(Math.abs(Number(fields.ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(fields['auth[application_token]']).toMatch(/^[0-9a-f]{32}$/);
    // The seed's token is replaced: one application_token per installation.
    expect(fields['auth[application_token]']).not.toBe('5d0c9f7e2b4a4c81a6e3f0d9b8c7a612');
    expect(answer.body.posted).toEqual(fields);
    const profile = await rest('profile', {}, fields['auth[access_token]']);
    expect(profile.body.result).toMatchObject({ ID: 1, ADMIN: true });
    const refresh = await app.request(
      `/oauth/token/?${new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'local.6650f1d2c5a4e1.00000001',
        client_secret: 'Rk4cZ8xYp2Qm7TnV9wL3sB6dH1jE5gA0uKoIiCfXyWzNqPbM',
        refresh_token: fields['auth[refresh_token]']!,
      })}`,
    );
    expect(refresh.status).toBe(200);
    expect((await api('state')).body.portal).toMatchObject({ installed: true });
  });

  it('refuses a second install, a bad handler URL, and uninstalling twice, naming the field', async () => {
    const { api } = harness({ installed: false });
    const install = await handler();
    expect((await api('app/install', { handlerUrl: 'ftp://x' })).body).toEqual({
      error: 'BAD_FIELD',
      error_description: 'handlerUrl must be an absolute https URL, or http on 127.0.0.1 or localhost',
      field: 'handlerUrl',
    });
    expect((await api('app/install', { handlerUrl: 'http://example.com/install' })).status).toBe(400);
    expect((await api('app/install', { handlerUrl: install.url })).status).toBe(200);
    const again = await api('app/install', { handlerUrl: install.url });
    expect(again).toMatchObject({ status: 409, body: { error: 'ALREADY_INSTALLED' } });
    expect((await api('app/uninstall', { clean: 'yes' })).body).toMatchObject({ field: 'clean' });
    expect((await api('app/uninstall', {})).status).toBe(200);
    expect(await api('app/uninstall', {})).toMatchObject({ status: 409, body: { error: 'NOT_INSTALLED' } });
    expect(install.posts).toHaveLength(1);
  });

  it('does not retry a failed delivery: a 500 or an unreachable handler is posted to once', async () => {
    const { api, runtime } = harness({ installed: false });
    const failing = await handler(500);
    expect((await api('app/install', { handlerUrl: failing.url })).body).toMatchObject({ status: 500 });
    await api('app/uninstall', {});
    const gone = await handler();
    const goneUrl = gone.url;
    await gone.close();
    handlers.splice(handlers.indexOf(gone), 1);
    expect((await api('app/install', { handlerUrl: goneUrl })).body).toMatchObject({ status: 'failed' });
    expect(failing.posts).toHaveLength(1);
    expect(runtime.stats.snapshot().eventDeliveries).toEqual([
      { event: 'ONAPPINSTALL', status: 500, count: 1 },
      { event: 'ONAPPINSTALL', status: 'failed', count: 1 },
    ]);
  });
});

describe('app uninstall (on-app-uninstall.md)', () => {
  it('posts ONAPPUNINSTALL with CLEAN and an auth of domain, endpoints, member_id and application_token only; revokes everything', async () => {
    const { api, rest, app, runtime } = harness({ installed: false });
    const install = await handler();
    const uninstall = await handler();
    await api('app/install', { handlerUrl: install.url });
    const [installed] = await install.received(1);
    const token = installed!.fields['auth[access_token]']!;
    const applicationToken = installed!.fields['auth[application_token]']!;
    const bind = await rest('event.bind', { event: 'ONAPPUNINSTALL', handler: uninstall.url }, token);
    expect(bind.body.result).toBe(true);
    const placement = await rest(
      'placement.bind',
      {
        PLACEMENT: 'IM_SIDEBAR',
        HANDLER: 'http://127.0.0.1:5173/side/',
        TITLE: 'Side',
        OPTIONS: { iconName: 'fa-bolt', context: 'CHAT', role: 'USER', extranet: 'N', color: 'GREEN' },
      },
      token,
    );
    expect(placement.body).toMatchObject({ result: true });
    const answer = await api('app/uninstall', { clean: true });
    expect(answer.status).toBe(200);
    const [post] = await uninstall.received(1);
    expect(post!.fields).toEqual({
      event: 'ONAPPUNINSTALL',
      event_handler_id: '1',
      'data[LANGUAGE_ID]': 'en',
      'data[CLEAN]': '1',
      ts: expect.stringMatching(/^\d+$/),
      'auth[domain]': '127.0.0.1:3000',
      'auth[server_endpoint]': 'http://127.0.0.1:3000/oauth/rest/',
      'auth[client_endpoint]': 'http://127.0.0.1:3000/rest/',
      'auth[member_id]': 'a223c6b3710f85df22e9377d6c4f7553',
      'auth[application_token]': applicationToken,
    });
    expect(answer.body).toMatchObject({ deliveries: [{ event: 'ONAPPUNINSTALL', status: 200 }] });
    // The app's tokens are revoked: REST refuses them and the refresh token is dead.
    expect(await rest('profile', {}, token)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    const refresh = await app.request(
      `/oauth/token/?grant_type=refresh_token&client_id=local.6650f1d2c5a4e1.00000001&client_secret=Rk4cZ8xYp2Qm7TnV9wL3sB6dH1jE5gA0uKoIiCfXyWzNqPbM&refresh_token=${installed!.fields['auth[refresh_token]']}`,
    );
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
    expect(runtime.state.bindings).toEqual([]);
    expect(runtime.state.eventBindings).toEqual([]);
    expect(runtime.state.portal.installed).toBe(false);
  });

  it('a reinstall issues new tokens and a new application_token', async () => {
    const { api } = harness({ installed: false });
    const install = await handler();
    await api('app/install', { handlerUrl: install.url });
    await api('app/uninstall', {});
    await api('app/install', { handlerUrl: install.url });
    const [first, second] = await install.received(2);
    expect(second!.fields['auth[access_token]']).not.toBe(first!.fields['auth[access_token]']);
    expect(second!.fields['auth[refresh_token]']).not.toBe(first!.fields['auth[refresh_token]']);
    expect(second!.fields['auth[application_token]']).not.toBe(first!.fields['auth[application_token]']);
  });
});

describe('RunningEmulator.app and stats over HTTP', () => {
  it('installs, answers with the delivery, counts it, and serves GET /emulator/api/stats', async () => {
    const emulator = await startEmulator({ port: 0, stateFile: null, shell: false, installed: false });
    try {
      const install = await handler();
      const delivery = await emulator.app.install({ handlerUrl: install.url });
      expect(delivery).toMatchObject({ event: 'ONAPPINSTALL', status: 200 });
      expect(delivery.posted['auth[domain]']).toBe(emulator.domain);
      expect(delivery.posted['auth[client_endpoint]']).toBe(`${emulator.origin}/rest/`);
      const stats = await (await fetch(`${emulator.origin}/emulator/api/stats`)).json();
      expect(stats).toEqual(emulator.stats());
      expect(stats).toMatchObject({ eventDeliveries: [{ event: 'ONAPPINSTALL', status: 200, count: 1 }] });
      expect(await emulator.app.uninstall()).toEqual({ deliveries: [] });
      await expect(emulator.app.uninstall()).rejects.toThrow('the app is not installed');
    } finally {
      await emulator.close();
    }
  });
});
