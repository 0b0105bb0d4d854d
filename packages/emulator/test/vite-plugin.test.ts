import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptHostPost, isHtmlRoute } from '../src/dev/vite-plugin.js';

let root: string;
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'imkit-vite-'));
  mkdirSync(join(root, 'im-sidebar'));
  writeFileSync(join(root, 'im-sidebar', 'index.html'), '<!doctype html><title>sidebar page</title>');
  writeFileSync(join(root, 'im-sidebar', 'data.json'), '{"a":1}');
  server = await createServer({
    configFile: false,
    root,
    appType: 'mpa',
    logLevel: 'silent',
    plugins: [acceptHostPost({ portalOrigin: 'http://127.0.0.1:3999' })],
    server: { host: '127.0.0.1', port: 0, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo;
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('acceptHostPost', () => {
  it('answers the host form POST like GET, with frame-ancestors for the portal only', async () => {
    const post = await fetch(`${base}/im-sidebar/?DOMAIN=127.0.0.1%3A3999&APP_SID=abc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'AUTH_ID=x&PLACEMENT=IM_SIDEBAR&PLACEMENT_OPTIONS=%7B%7D',
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('sidebar page');
    expect(post.headers.get('content-security-policy')).toBe('frame-ancestors http://127.0.0.1:3999');
    expect(post.headers.get('x-frame-options')).toBeNull();
    const get = await fetch(`${base}/im-sidebar/`);
    expect(get.headers.get('content-security-policy')).toBe('frame-ancestors http://127.0.0.1:3999');
  });

  it('leaves assets alone', async () => {
    const asset = await fetch(`${base}/im-sidebar/data.json`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-security-policy')).toBeNull();
  });

  it('is what makes the POST work: plain Vite does not answer it with the page', async () => {
    const plain = await createServer({
      configFile: false,
      root,
      appType: 'mpa',
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, hmr: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await plain.listen();
    try {
      const address = plain.httpServer?.address() as AddressInfo;
      const post = await fetch(`http://127.0.0.1:${address.port}/im-sidebar/`, {
        method: 'POST',
        body: 'a=1',
      });
      expect(await post.text()).not.toContain('sidebar page');
    } finally {
      await plain.close();
    }
  });

  it('knows which routes are pages and refuses a portal origin that is not an origin', () => {
    expect(isHtmlRoute('/im-sidebar/?x=1')).toBe(true);
    expect(isHtmlRoute('/im-sidebar/index.html')).toBe(true);
    expect(isHtmlRoute('/im-sidebar/assets/app.js')).toBe(false);
    expect(() => acceptHostPost({ portalOrigin: 'http://127.0.0.1:3000/path' })).toThrow(TypeError);
    expect(() => acceptHostPost({ portalOrigin: 'ftp://x.example' })).toThrow(TypeError);
  });
});
