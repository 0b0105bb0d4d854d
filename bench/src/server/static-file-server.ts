/**
 * The reference for the server bench: plain `node:http` serving the same `index.html` files for any
 * method (the request body is drained and ignored). Like the handler server, it keeps each file in
 * memory, read once when it starts: the honest fast static server, so the ratio shows only what
 * verification, the installation lookup and routing cost.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

export function staticFileServer(files: Readonly<Record<string, string>>): Server {
  const pages = new Map(Object.entries(files).map(([path, file]) => [path, readFileSync(file)]));
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const page = pages.get(path);
    request.resume();
    request.once('end', () => {
      if (page === undefined) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    });
  });
}
