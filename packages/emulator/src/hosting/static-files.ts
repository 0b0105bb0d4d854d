/**
 * Serving a built directory: a request path maps to a file inside `root` (never outside it); paths
 * without a file extension fall back to `index.html` (single-page apps and the host's form POST).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

async function readIfFile(path: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? new Uint8Array(await readFile(path)) : null;
  } catch {
    return null;
  }
}

/** The file for `relativePath` (URL-decoded, `/`-separated) under `root`, or null. */
export async function findStaticFile(root: string, relativePath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(join(base, decoded));
  if (target !== base && !target.startsWith(base + sep)) return null;
  const candidates =
    extname(target) === '' ? [target, join(target, 'index.html'), join(base, 'index.html')] : [target];
  for (const candidate of candidates) {
    const body = await readIfFile(candidate);
    if (body !== null)
      return { body, contentType: contentTypes[extname(candidate)] ?? 'application/octet-stream' };
  }
  return null;
}
