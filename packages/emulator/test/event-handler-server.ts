/**
 * A real local HTTP event handler for tests: records every POST (its form fields, PHP-style keys kept
 * flat) and answers with `status`. `received(n)` waits, bounded, until n posts have arrived.
 */
import { createServer, type Server } from 'node:http';

export interface ReceivedPost {
  readonly path: string;
  readonly contentType: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface EventHandlerServer {
  readonly url: string;
  readonly posts: ReceivedPost[];
  status: number;
  received(count: number, timeoutMs?: number): Promise<ReceivedPost[]>;
  close(): Promise<void>;
}

export async function startEventHandler(status = 200): Promise<EventHandlerServer> {
  const posts: ReceivedPost[] = [];
  const waiters = new Set<() => void>();
  const handler: EventHandlerServer = {
    url: '',
    posts,
    status,
    received: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (posts.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(posts.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the handler got ${posts.length} of ${count} posts within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      posts.push({
        path: request.url ?? '',
        contentType: request.headers['content-type'] ?? '',
        fields: Object.fromEntries(new URLSearchParams(body)),
      });
      response.writeHead(handler.status).end('ok');
      for (const waiter of [...waiters]) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  (handler as { url: string }).url = `http://127.0.0.1:${port}/handler/`;
  return handler;
}
