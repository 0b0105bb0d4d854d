/**
 * Static files of a built app, served by `@hono/node-server`'s `serveStatic` behind a guard that decides
 * which file a request may name. `serveStatic` itself follows symlinks, serves dotfiles and turns a
 * directory into its `index.html`; the guard hands it one already-resolved real path or nothing.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';

/** Extensions browsers render as a page: those go through the launch route and its headers only. */
const pageExtensions: ReadonlySet<string> = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml']);

export interface StaticFileRules {
  /** Also resolve pages (`.html`…); default false. Directories are never files. */
  readonly pages?: boolean;
}

function isPage(name: string): boolean {
  return pageExtensions.has(extname(name).toLowerCase());
}

/** A segment that is empty (`a//b`, a trailing slash), `.`/`..`, or names a dotfile or dot-folder. */
function isRefusedSegment(segment: string): boolean {
  return segment === '' || segment.startsWith('.');
}

/**
 * The real path of the regular file that `relativePath` names inside `root`, or null (for every refusal
 * as for a missing file). `relativePath` is one request path below the mount, still percent-encoded
 * (`assets/a%20b.js`); it is decoded once. Refused: undecodable input, NUL or backslash, empty, `.`,
 * `..` and dot-named segments (so `/.env`, `/.git/config`, trailing slashes), anything whose real path
 * (after symlinks) leaves the real `root` or has a dot-named segment there, directories, and — unless
 * `rules.pages` — pages (`.html`, `.htm`, `.xhtml`…) by the requested or the real name.
 */
export async function resolveStaticFile(
  root: string,
  relativePath: string,
  rules: StaticFileRules = {},
): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some(isRefusedSegment)) return null;
  if (!rules.pages && isPage(decoded)) return null;
  try {
    const base = await realpath(root);
    const real = await realpath(join(base, ...segments));
    if (!real.startsWith(base + sep)) return null;
    if (relative(base, real).split(sep).some(isRefusedSegment)) return null;
    if (!rules.pages && isPage(real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** `Cache-Control` of a static file: hashed build output under `assets/` never changes. */
export function staticCacheControl(relativePath: string): string {
  return relativePath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Answers GET/HEAD of `relativePath` inside `root` with the file (`Content-Type` from its extension,
 * `X-Content-Type-Options: nosniff`, the Cache-Control rule above, `frame-ancestors 'none'` so that no
 * file rendered as a document can be framed, `Content-Length`, `Last-Modified`, ranges), or null when
 * the guard refuses it or it is not there. The caller answers null exactly like a missing file.
 */
export async function serveStaticFile(
  c: Context,
  root: string,
  relativePath: string,
  rules: StaticFileRules = {},
): Promise<Response | null> {
  const file = await resolveStaticFile(root, relativePath, rules);
  if (file === null) return null;
  // `path` set: serveStatic reads exactly this file and ignores the request path.
  const response = await serveStatic({ path: file })(c, async () => undefined);
  if (!(response instanceof Response)) return null; // gone since it was resolved
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Cache-Control', staticCacheControl(relativePath));
  response.headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  return response;
}
