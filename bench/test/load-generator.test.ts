import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad, summarizeLoad } from '../src/server/load-generator.js';

let server: Server;
let url = '';
let seen = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen++;
    const path = request.url ?? '/';
    if (path === '/slow') setTimeout(() => response.end('late'), 200);
    else if (path === '/chunked') {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('first part, ');
      setImmediate(() => response.end('second part'));
    } else if (path === '/close') response.writeHead(200, { Connection: 'close' }).end('bye');
    else response.writeHead(path === '/missing' ? 404 : 200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('runLoad', () => {
  it('sends exactly the fixed number of requests with the given concurrency', async () => {
    seen = 0;
    const result = await runLoad({
      url,
      request: { method: 'GET', path: '/' },
      total: 50,
      concurrency: 4,
      timeCapMs: 10_000,
    });
    expect(seen).toBe(50);
    expect(result.completed).toBe(50);
    expect(result.failed).toBe(0);
    expect(result.latencies).toHaveLength(50);
    expect(summarizeLoad([result]).perSecond).toBeGreaterThan(0);
  });

  it('reads chunked answers and answers that close the connection, reconnecting as needed', async () => {
    for (const path of ['/chunked', '/close']) {
      seen = 0;
      const result = await runLoad({
        url,
        request: { method: 'GET', path },
        total: 20,
        concurrency: 2,
        timeCapMs: 10_000,
      });
      expect(seen).toBe(20);
      expect(result).toMatchObject({ completed: 20, failed: 0 });
    }
  });

  it('sends the body with its Content-Length on every request', async () => {
    const bodies: string[] = [];
    const echo = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => {
        body += chunk;
      });
      request.on('end', () => {
        bodies.push(body);
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const port = (echo.address() as AddressInfo).port;
    const result = await runLoad({
      url: `http://127.0.0.1:${port}/`,
      request: { method: 'POST', path: '/form', headers: { 'Content-Type': 'text/plain' }, body: 'a=1&b=ü' },
      total: 5,
      concurrency: 2,
      timeCapMs: 10_000,
    });
    echo.closeAllConnections();
    await new Promise((resolve) => echo.close(resolve));
    expect(result.completed).toBe(5);
    expect(bodies).toEqual(Array.from({ length: 5 }, () => 'a=1&b=ü'));
  });

  it('stops at the time cap and counts timeouts and other statuses as failed', async () => {
    const capped = await runLoad({
      url,
      request: { method: 'GET', path: '/slow' },
      total: 1000,
      concurrency: 2,
      timeCapMs: 300,
    });
    expect(capped.completed + capped.failed).toBeLessThan(10);
    const timedOut = await runLoad({
      url,
      request: { method: 'GET', path: '/slow' },
      total: 1,
      concurrency: 1,
      timeCapMs: 1000,
      requestTimeoutMs: 20,
    });
    expect(timedOut).toMatchObject({ completed: 0, failed: 1 });
    const missing = await runLoad({
      url,
      request: { method: 'POST', path: '/missing', body: 'a=1' },
      total: 3,
      concurrency: 1,
      timeCapMs: 1000,
    });
    expect(missing).toMatchObject({ completed: 0, failed: 3 });
  });

  it('refuses targets off loopback and unbounded settings, naming the field', async () => {
    const request = { method: 'GET', path: '/' } as const;
    await expect(
      runLoad({ url: 'http://192.0.2.1/', request, total: 1, concurrency: 1, timeCapMs: 10 }),
    ).rejects.toThrow(/loopback/);
    await expect(runLoad({ url, request, total: 0, concurrency: 1, timeCapMs: 10 })).rejects.toThrow(/total/);
    await expect(runLoad({ url, request, total: 1, concurrency: 1, timeCapMs: 0 })).rejects.toThrow(
      /timeCapMs/,
    );
  });
});
