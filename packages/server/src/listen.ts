import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface ListeningServer {
  /** `http://<host>:<port>/` */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves once open ones ended (at most `timeoutMs`, default 5 s). */
  close(timeoutMs?: number): Promise<void>;
}

/** Serves a Hono app on Node (`@hono/node-server`); port 0 picks a free port. */
export function listenServer(app: Hono, options: { port: number; host: string }): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
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
