/**
 * The reference for the server bench: plain `node:http` + `fs` serving the same `index.html` files for
 * any method (the request body is drained and ignored), reading the file on every request like the
 * handler server does.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';

export function staticFileServer(files: Readonly<Record<string, string>>): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = files[path];
    request.resume();
    request.once('end', () => {
      if (file === undefined) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      readFile(file).then(
        (body) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body),
        () => response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Cannot read the file'),
      );
    });
  });
}
