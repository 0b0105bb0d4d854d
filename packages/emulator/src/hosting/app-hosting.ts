/**
 * `serveApps`: built apps on their own origin (`http://127.0.0.1:<port>/<path>/`). The page — the app's
 * folder, `index.html`, or any path without an extension (single-page apps) — answers GET and the host's
 * form POST with `index.html`, framing allowed with `Content-Security-Policy: frame-ancestors <emulator
 * origin>` (never X-Frame-Options). Every other file comes from `@imkit/server/hosting`'s `serveStaticFile`,
 * with its rules: no pages by name, no dotfiles, folders or symlinks out of the folder, not framable.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolveStaticFile, serveStaticFile } from '@imkit/server/hosting';
import { Hono } from 'hono';

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

/** `''`, `index.html` and extensionless paths (`route`, `a/b/`) are the page. */
function isPagePath(relativePath: string): boolean {
  return relativePath === '' || relativePath === 'index.html' || extname(relativePath) === '';
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
    const relativePath = path.slice(entry.prefix.length + 1);
    if (isPagePath(relativePath)) {
      if (c.req.method === 'POST') await c.req.arrayBuffer();
      const page = await resolveStaticFile(entry.dir, 'index.html', { pages: true });
      if (page === null) return new Response('Not found', { status: 404, headers });
      return new Response(c.req.method === 'HEAD' ? null : await readFile(page), {
        status: 200,
        headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
      });
    }
    const file = c.req.method === 'POST' ? null : await serveStaticFile(c, entry.dir, relativePath);
    return file ?? new Response('Not found', { status: 404, headers });
  });
  return app;
}
