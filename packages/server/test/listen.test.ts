import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListeningServer, listenServer } from '../src/listen.js';
import { ServerConfigError } from '../src/server.js';
import { openPgliteInstallationStore } from '../src/store/index.js';
import type { InstallationStore } from '../src/store/installation.js';
import { makeAppsDir, testServer } from './server-fixture.js';

const apps = makeAppsDir();
let store: InstallationStore;
let server: ListeningServer;
const timeouts = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300 };

beforeAll(async () => {
  writeFileSync(
    join(apps.dir, 'im-sidebar', 'dist', 'other.html'),
    '<!doctype html><title>other page</title>',
  );
  writeFileSync(join(apps.dir, 'im-sidebar', 'dist', '.env'), 'SECRET=dotfile');
  store = await openPgliteInstallationStore();
  const { app } = testServer(store, apps.dir);
  server = await listenServer(app, { port: 0, host: '127.0.0.1', ...timeouts });
}, 60_000);
afterAll(async () => {
  await server?.close(1000);
  await store.close();
  apps.remove();
});

/**
 * Writes `text` on a raw connection (nothing normalises the request line), then waits for the server to
 * close it: what it answered and how long after the write the connection was closed.
 */
function raw(text: string): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    let sentAt = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - sentAt }));
    socket.on('connect', () => {
      sentAt = Date.now();
      socket.write(text);
    });
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

describe('listenServer timeouts (Node would hold these connections 300 s)', () => {
  it('cuts a request whose body never finishes within requestTimeoutMs, with 408', async () => {
    const { answer, closedAfterMs } = await raw(
      'POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        'Content-Length: 1000\r\n\r\nevent=ONAPPINSTALL&',
    );
    expect(statusOf(answer)).toBe(408);
    expect(closedAfterMs).toBeGreaterThanOrEqual(timeouts.requestTimeoutMs - 50);
    expect(closedAfterMs).toBeLessThan(timeouts.requestTimeoutMs + 2000);
  }, 10_000);

  it('cuts a request whose headers never finish within headersTimeoutMs', async () => {
    const { answer, closedAfterMs } = await raw('GET /im-sidebar/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(statusOf(answer)).toBe(408);
    expect(closedAfterMs).toBeLessThan(timeouts.headersTimeoutMs + 2000);
  }, 10_000);

  it('closes an idle keep-alive connection after keepAliveTimeoutMs', async () => {
    const { answer, closedAfterMs } = await raw(
      'GET /im-sidebar/assets/main.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n',
    );
    expect(statusOf(answer)).toBe(200);
    expect(answer).toContain('console.log("im-sidebar");');
    expect(closedAfterMs).toBeLessThan(timeouts.keepAliveTimeoutMs + 2000);
  }, 10_000);

  it.each([
    [{ headersTimeoutMs: 0 }, 'headersTimeoutMs'],
    [{ requestTimeoutMs: Number.NaN }, 'requestTimeoutMs'],
    [{ keepAliveTimeoutMs: -1 }, 'keepAliveTimeoutMs'],
    [{ headersTimeoutMs: 2000, requestTimeoutMs: 1000 }, 'headersTimeoutMs'],
    [{ port: -1 }, 'port'],
    [{ port: 65_536 }, 'port'],
    [{ port: 1.5 }, 'port'],
  ])('refuses %o', (options, name) => {
    const { app } = testServer(store, apps.dir);
    expect(() => listenServer(app, { port: 0, host: '127.0.0.1', ...options })).toThrow(ServerConfigError);
    expect(() => listenServer(app, { port: 0, host: '127.0.0.1', ...options })).toThrow(name);
  });
});

describe('listenServer close', () => {
  it('close(0) ends a response that never finishes (Server-Sent Events) at once', async () => {
    const app = new Hono();
    app.get(
      '/stream',
      () => new Response(new ReadableStream({ start: (c) => c.enqueue(new Uint8Array([58, 10])) })),
    );
    const streaming = await listenServer(app, { port: 0, host: '127.0.0.1' });
    expect(streaming.url).toBe(`http://127.0.0.1:${streaming.port}/`);
    const response = await fetch(`${streaming.url}stream`);
    expect(response.status).toBe(200);
    const started = Date.now();
    await streaming.close(0);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(response.text()).rejects.toThrow();
    await expect(fetch(`${streaming.url}stream`)).rejects.toThrow();
  });
});

describe('the static route over a raw connection (the paths exactly as an attacker sends them)', () => {
  it.each([
    ['GET', '/im-sidebar/index.html/', 404],
    ['GET', '/im-sidebar/index.html%2F', 404],
    ['GET', '/im-sidebar/assets/../other.html/', 404],
    ['GET', '/im-sidebar/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt', 404],
    ['GET', '/im-sidebar/..%2F..%2Fsecret.txt', 404],
    ['GET', '/im-sidebar/.env', 404],
    ['HEAD', '/im-sidebar/', 200],
    ['GET', '/im-sidebar/', 200],
  ])(
    '%s %s answers %i',
    async (method, path, status) => {
      const { answer } = await raw(
        `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      expect(statusOf(answer)).toBe(status);
      expect(answer).not.toMatch(/outside the dist|other page|SECRET=/);
      if (status === 200) {
        expect(answer).toMatch(/content-security-policy: frame-ancestors 'none'/i);
        expect(answer).toMatch(/referrer-policy: no-referrer/i);
        if (method === 'HEAD') expect(answer).not.toContain('<title>');
      }
    },
    10_000,
  );
});
