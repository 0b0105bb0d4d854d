import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { ServerConfigError } from './server-options.js';

export interface ListeningServer {
  /** `http://<host>:<port>/` */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections and resolves once open ones ended; after `timeoutMs` (default 5 s; 0: at
   * once) the ones still open are closed.
   */
  close(timeoutMs?: number): Promise<void>;
}

export interface ListenOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  /** Time a client has to send a request's headers, in ms; then 408 and the connection is closed. Default 10 000. */
  readonly headersTimeoutMs?: number;
  /** Time a client has to send the whole request (headers and body), in ms; then 408 and closed. Default 30 000. */
  readonly requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open, in ms. Default 5000. */
  readonly keepAliveTimeoutMs?: number;
}

const defaultTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

function timeout(options: ListenOptions, name: keyof typeof defaultTimeouts): number {
  const value = options[name] ?? defaultTimeouts[name];
  if (!Number.isInteger(value) || value < 1 || value > 600_000) {
    throw new ServerConfigError(`listen: ${name} must be an integer from 1 to 600000`);
  }
  return value;
}

/**
 * Serves a Hono app on Node (`@hono/node-server`). A request must arrive whole within its timeouts, so
 * a client that never finishes its headers or body holds a connection for at most `requestTimeoutMs`
 * (Node's default would be 300 s), not until the OS gives up. Long responses (Server-Sent Events) are
 * not bounded; `close(0)` ends them at once. The handler server and the emulator both listen with it.
 */
export function listenServer(app: Hono, options: ListenOptions): Promise<ListeningServer> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535) {
    throw new ServerConfigError(`listen: port must be an integer from 0 to 65535, got ${options.port}`);
  }
  const headersTimeout = timeout(options, 'headersTimeoutMs');
  const requestTimeout = timeout(options, 'requestTimeoutMs');
  const keepAliveTimeout = timeout(options, 'keepAliveTimeoutMs');
  if (headersTimeout > requestTimeout) {
    throw new ServerConfigError('listen: headersTimeoutMs cannot be longer than requestTimeoutMs');
  }
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port: options.port,
      hostname: options.host,
      serverOptions: {
        headersTimeout,
        requestTimeout,
        keepAliveTimeout,
        // Node checks the two timeouts above only this often (default 30 s): keep the bound tight.
        connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
      },
    });
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${shown}:${port}/`,
        port,
        close: (timeoutMs = 5000) =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => {
              if ('closeAllConnections' in server) server.closeAllConnections();
              done();
            }, timeoutMs);
            timer.unref();
            server.close(() => {
              clearTimeout(timer);
              done();
            });
          }),
      });
    });
  });
}
