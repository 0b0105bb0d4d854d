/**
 * `serveApps`: built apps on their own origin (`http://127.0.0.1:<port>/<path>/`), answering GET and the
 * host's form POST with index.html and static assets. Framing is allowed with
 * `Content-Security-Policy: frame-ancestors <emulator origin>`, never X-Frame-Options.
 */
import { Hono } from 'hono';
import { findStaticFile } from './static-files.js';

export interface ServeAppsOptions {
  /** Port of the apps' origin; 0 (default) picks a free one. */
  readonly port?: number;
  /** Handler path (`im-sidebar`) → built directory (`apps/im-sidebar/dist`). */
  readonly dirs: Readonly<Record<string, string>>;
  /**
   * The key of `dirs` that is the app's install page: the emulator's `installHandler` becomes
   * `<appsUrl><installPage>/` once this origin listens (so `port: 0` works).
   */
  readonly installPage?: string;
}

function cleanPath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '' || trimmed.split('/').some((part) => part === '..' || part === '.'))
    throw new TypeError(`serveApps.dirs: "${path}" is not a handler path such as "im-sidebar"`);
  return trimmed;
}

export function appHostingRoutes(options: ServeAppsOptions, portalOrigin: () => string): Hono {
  const dirs = Object.entries(options.dirs).map(([path, dir]) => ({ prefix: `/${cleanPath(path)}`, dir }));
  const app = new Hono();
  app.all('*', async (c) => {
    const headers = { 'Content-Security-Policy': `frame-ancestors ${portalOrigin()}` };
    if (c.req.method !== 'GET' && c.req.method !== 'POST' && c.req.method !== 'HEAD')
      return new Response('Method not allowed', {
        status: 405,
        headers: { ...headers, Allow: 'GET, POST, HEAD' },
      });
    const path = new URL(c.req.url).pathname;
    const entry = dirs.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
    if (entry === undefined) return new Response('Not found', { status: 404, headers });
    if (path === entry.prefix)
      return new Response(null, {
        status: 301,
        headers: { ...headers, Location: `${entry.prefix}/${new URL(c.req.url).search}` },
      });
    if (c.req.method === 'POST') await c.req.arrayBuffer();
    const file = await findStaticFile(entry.dir, path.slice(entry.prefix.length));
    if (file === null) return new Response('Not found', { status: 404, headers });
    return new Response(c.req.method === 'HEAD' ? null : file.body, {
      status: 200,
      headers: { ...headers, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' },
    });
  });
  return app;
}
