/**
 * `acceptHostPost()`: a Vite plugin that makes the dev (and preview) server answer the host's form POST
 * on HTML routes like a GET, and allows framing by the portal only
 * (`Content-Security-Policy: frame-ancestors <portal origin>`, never X-Frame-Options).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { Plugin } from 'vite';

export interface AcceptHostPostOptions {
  /** The portal that frames the apps; default `http://127.0.0.1:<IMKIT_EMULATOR_PORT or 3000>`. */
  readonly portalOrigin?: string;
}

function checkedOrigin(value: string): string {
  let origin: string;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = '';
  }
  if (origin !== value || !/^https?:/.test(value))
    throw new TypeError(
      `acceptHostPost: portalOrigin must be an origin such as http://127.0.0.1:3000, got "${value}"`,
    );
  return origin;
}

/** Routes that render a page: a directory, an .html file, or a path without an extension. */
export function isHtmlRoute(url: string): boolean {
  const path = url.split(/[?#]/)[0] ?? '/';
  return path.endsWith('/') || path.endsWith('.html') || extname(path) === '';
}

export function hostPostMiddleware(portalOrigin: string) {
  const policy = `frame-ancestors ${checkedOrigin(portalOrigin)}`;
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = req.url ?? '/';
    if (isHtmlRoute(url)) {
      res.setHeader('Content-Security-Policy', policy);
      res.removeHeader('X-Frame-Options');
      if (req.method === 'POST') {
        req.resume();
        req.method = 'GET';
      }
    }
    next();
  };
}

export function acceptHostPost(options: AcceptHostPostOptions = {}): Plugin {
  const portalOrigin =
    options.portalOrigin ?? `http://127.0.0.1:${process.env.IMKIT_EMULATOR_PORT ?? '3000'}`;
  const middleware = hostPostMiddleware(portalOrigin);
  return {
    name: 'imkit:accept-host-post',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
