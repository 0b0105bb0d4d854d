import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../src/static-files.js';
import { openPgliteInstallationStore } from '../src/store/index.js';
import type { InstallationStore } from '../src/store/installation.js';
import { makeAppsDir, testServer } from './server-fixture.js';

// Issue #16, point 8: what an attacker on loopback got from the static route, and what it answers now.
// The one table of static-file rules: the emulator serves its shell and `serveApps` with the same
// `resolveStaticFile` / `serveStaticFile` (`@imkit/server/hosting`).
let store: InstallationStore;
let app: Hono;
const apps = makeAppsDir();
const dist = join(apps.dir, 'im-sidebar', 'dist');
const outside = join(apps.dir, 'outside');

beforeAll(async () => {
  writeFileSync(join(dist, 'other.html'), '<!doctype html><title>other page</title>');
  writeFileSync(join(dist, 'assets', 'page.HTM'), '<!doctype html><title>other page</title>');
  writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
  writeFileSync(join(dist, 'assets', 'a b.js'), 'console.log("a b");');
  writeFileSync(join(dist, '.env'), 'SECRET=dotfile');
  mkdirSync(join(dist, '.git'));
  writeFileSync(join(dist, '.git', 'config'), '[core] dotfolder');
  writeFileSync(join(dist, 'assets', '.hidden.js'), 'console.log("dotfile");');
  mkdirSync(join(dist, 'assets', 'sub'));
  writeFileSync(join(dist, 'assets', 'sub', 'index.html'), '<!doctype html><title>other page</title>');
  mkdirSync(outside);
  writeFileSync(join(outside, 'leak.txt'), 'outside the dist');
  // `ln -s /etc dist/assets/e`, and the same with folders and files of the temp dir.
  symlinkSync('/etc', join(dist, 'assets', 'e'));
  symlinkSync(outside, join(dist, 'assets', 'out'));
  symlinkSync(join(outside, 'leak.txt'), join(dist, 'assets', 'leak.js'));
  symlinkSync('../../secret.txt', join(dist, 'assets', 'relative-leak.js'));
  symlinkSync(join(dist, 'index.html'), join(dist, 'assets', 'page.js'));
  symlinkSync(join(dist, '.env'), join(dist, 'assets', 'env.js'));
  // A symlink that stays inside dist is fine.
  symlinkSync('main.js', join(dist, 'assets', 'alias.js'));
  store = await openPgliteInstallationStore();
  ({ app } = testServer(store, apps.dir));
}, 60_000);
afterAll(async () => {
  await store.close();
  apps.remove();
});

async function expectNotFound(path: string, method = 'GET') {
  const response = await app.request(path, { method });
  expect(response.status, path).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = await response.text();
  // Inside the mount a refusal is the missing-file answer; `%2e%2e` the URL parser resolves first (as
  // browsers do) may leave the mount and reach no route at all.
  const description = path.includes('%2e%2e/') ? /^No such (file|route)\.$/ : /^No such file\.$/;
  if (method === 'GET')
    expect(JSON.parse(body)).toEqual({
      error: 'NOT_FOUND',
      error_description: expect.stringMatching(description),
    });
  expect(body).not.toMatch(/outside the dist|other page|dotfile|root:|<title>im-sidebar/);
}

describe('static files: what is served', () => {
  it('serves assets with their type, nosniff, immutable caching and no framing', async () => {
    const response = await app.request('/im-sidebar/assets/main.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(await response.text()).toBe('console.log("im-sidebar");');
  });

  it('serves files outside assets/ with no-cache, encoded names and symlinks that stay inside dist', async () => {
    const robots = await app.request('/im-sidebar/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers.get('cache-control')).toBe('no-cache');
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await (await app.request('/im-sidebar/assets/a%20b.js')).text()).toBe('console.log("a b");');
    expect(await (await app.request('/im-sidebar/assets/alias.js')).text()).toBe(
      'console.log("im-sidebar");',
    );
  });

  it('answers HEAD of a file with the GET headers and no body', async () => {
    const response = await app.request('/im-sidebar/assets/main.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String('console.log("im-sidebar");'.length));
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('');
    await expectNotFound('/im-sidebar/.env', 'HEAD');
  });
});

describe('static files: refused exactly like a missing file', () => {
  it.each([
    // Pages come only from the launch route with its frame-ancestors (was 200 text/html without CSP).
    '/im-sidebar/index.html/',
    '/im-sidebar/index.html%2F',
    '/im-sidebar/index.html%2f%2f',
    '/im-sidebar/assets/../other.html/',
    '/im-sidebar/other.html',
    '/im-sidebar/OTHER.HTML',
    '/im-sidebar/other%2Ehtml',
    '/im-sidebar/assets/page.HTM',
    '/im-sidebar/assets/page.js',
    // Directories (serveStatic alone would answer their index.html).
    '/im-sidebar/assets/',
    '/im-sidebar/assets',
    '/im-sidebar/assets/sub',
    '/im-sidebar/assets/sub/',
  ])('a page or a folder: %s', async (path) => {
    await expectNotFound(path);
  });

  it.each([
    '/im-sidebar/.env',
    '/im-sidebar/%2Eenv',
    '/im-sidebar/.git/config',
    '/im-sidebar/.git%2Fconfig',
    '/im-sidebar/assets/.hidden.js',
    '/im-sidebar/assets/env.js',
  ])('a dotfile or dot-folder: %s', async (path) => {
    await expectNotFound(path);
  });

  it.each([
    '/im-sidebar/assets/e/passwd',
    '/im-sidebar/assets/e/hostname',
    '/im-sidebar/assets/out/leak.txt',
    '/im-sidebar/assets/leak.js',
    '/im-sidebar/assets/relative-leak.js',
  ])('a symlink out of dist: %s', async (path) => {
    await expectNotFound(path);
  });

  it.each([
    '/im-sidebar/..%2f..%2fsecret.txt',
    '/im-sidebar/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/im-sidebar/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    '/im-sidebar/assets/%2E%2E%2F%2E%2E%2F..%2Fsecret.txt',
    '/im-sidebar/assets%5c..%5c..%5csecret.txt',
    '/im-sidebar/assets/main.js/',
    '/im-sidebar/assets//main.js',
    '/im-sidebar/%00',
    '/im-sidebar/assets/main.js%00.png',
    '/im-sidebar/%E0%A4%A',
  ])('traversal and odd paths: %s', async (path) => {
    await expectNotFound(path);
  });
});

describe('resolveStaticFile', () => {
  it('resolves to the real file inside the root, or null', async () => {
    expect(await resolveStaticFile(dist, 'assets/alias.js')).toBe(join(dist, 'assets', 'main.js'));
    expect(await resolveStaticFile(dist, 'assets/leak.js')).toBeNull();
    expect(await resolveStaticFile(dist, 'index.html')).toBeNull();
    expect(await resolveStaticFile(dist, 'index.html', { pages: true })).toBe(join(dist, 'index.html'));
    expect(await resolveStaticFile(join(apps.dir, 'no-such-dist'), 'index.html', { pages: true })).toBeNull();
    expect(await resolveStaticFile(dist, '')).toBeNull();
  });
});
