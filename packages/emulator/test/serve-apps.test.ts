import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';

let dist: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'imkit-apps-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>sidebar</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dist, '..', 'imkit-secret.txt'), 'secret');
  writeFileSync(join(dist, 'other.html'), '<!doctype html><title>other page</title>');
  writeFileSync(join(dist, '.env'), 'SECRET=dotfile');
  symlinkSync(join(dist, '..', 'imkit-secret.txt'), join(dist, 'assets', 'leak.js'));
  emulator = await startEmulator({
    port: 0,
    stateFile: null,
    shell: false,
    serveApps: { dirs: { 'im-sidebar': dist } },
  });
});

afterAll(async () => {
  await emulator.close();
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(dist, '..', 'imkit-secret.txt'), { force: true });
});

describe('startEmulator', () => {
  it('listens on a random port and describes itself', () => {
    expect(emulator.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.url).toBe(`${emulator.origin}/`);
    expect(emulator.domain).toBe(emulator.origin.slice('http://'.length));
    expect(emulator.appsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(emulator.appsUrl).not.toBe(emulator.url);
  });

  it('answers REST with application tokens and webhooks over HTTP', async () => {
    const token = emulator.applicationToken(2);
    expect(token).toMatchObject({ domain: emulator.domain, expires_in: 3600 });
    const profile = await fetch(`${emulator.origin}/rest/profile.json?auth=${token.access_token}`);
    expect(await profile.json()).toMatchObject({ result: { ID: 2 } });
    const hook = await fetch(`${emulator.webhookUrl(1)}user.current`);
    expect(await hook.json()).toMatchObject({ result: { ID: '1' } });
    expect(() => emulator.webhookUrl(2)).toThrow(/no webhook/);
    expect(() => emulator.applicationToken(404)).toThrow(/not a user/);
  });

  it('streams REST messages to the shell as SSE', async () => {
    const controller = new AbortController();
    const events = await fetch(`${emulator.origin}/emulator/api/events`, { signal: controller.signal });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    const token = emulator.applicationToken(1);
    await fetch(`${emulator.origin}/rest/im.message.add`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({ DIALOG_ID: 'chat12', MESSAGE: 'pushed' }),
    });
    let text = '';
    const deadline = Date.now() + 3000;
    while (!text.includes('event: traffic') && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain('event: message');
    expect(text).toContain('"text":"pushed"');
    expect(text).toContain('event: traffic');
  });
});

describe('serveApps', () => {
  it('answers GET and the host form POST with index.html, framing allowed for the emulator only', async () => {
    const url = `${emulator.appsUrl}im-sidebar/?DOMAIN=x&APP_SID=abc`;
    for (const init of [
      { method: 'GET' },
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'AUTH_ID=1&PLACEMENT=IM_SIDEBAR',
      },
    ]) {
      const response = await fetch(url, init);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>sidebar</title>');
      expect(response.headers.get('content-security-policy')).toBe(`frame-ancestors ${emulator.origin}`);
      expect(response.headers.get('x-frame-options')).toBeNull();
    }
  });

  it('answers index.html for its name and for every path without an extension (single-page apps)', async () => {
    for (const path of ['index.html', 'some/route', 'assets/']) {
      const response = await fetch(`${emulator.appsUrl}im-sidebar/${path}`);
      expect(await response.text(), path).toContain('<title>sidebar</title>');
      expect(response.headers.get('content-security-policy')).toBe(`frame-ancestors ${emulator.origin}`);
    }
    const dotfile = await fetch(`${emulator.appsUrl}im-sidebar/.env`);
    expect(await dotfile.text()).not.toContain('SECRET');
  });

  it('serves assets with the server static rules and nothing outside the app directory', async () => {
    // The rules themselves (pages by name, dotfiles, folders, symlinks, traversal) are one table:
    // packages/server/test/static-files.test.ts, for the resolver both hosts use.
    const asset = await fetch(`${emulator.appsUrl}im-sidebar/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect((await fetch(`${emulator.appsUrl}im-sidebar/assets/app.js`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${emulator.appsUrl}im-sidebar/assets/app.js`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${emulator.appsUrl}im-sidebar/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${emulator.appsUrl}im-sidebar/other.html`)).status).toBe(404);
    expect((await fetch(`${emulator.appsUrl}im-sidebar/assets/leak.js`)).status).toBe(404);
    expect((await fetch(`${emulator.appsUrl}im-sidebar/..%2Fimkit-secret.txt`)).status).toBe(404);
    expect((await fetch(`${emulator.appsUrl}other/`)).status).toBe(404);
    const bare = await fetch(`${emulator.appsUrl}im-sidebar`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect((await fetch(`${emulator.appsUrl}im-sidebar/`, { method: 'PUT' })).status).toBe(405);
  });
});
