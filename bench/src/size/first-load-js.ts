/**
 * Gzip bytes of the JS a browser loads for a built page before any dynamic import: `index.html`'s module
 * scripts and modulepreload links, then their static import graph. Works on any Vite build output, so
 * the sample apps and the reference pages are counted the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSize } from './gzip-size.js';

export interface FirstLoad {
  readonly bytes: number;
  readonly files: readonly string[];
}

const moduleScript = /<script\b(?=[^>]*\btype\s*=\s*["']module["'])[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi;
const modulePreload =
  /<link\b(?=[^>]*\brel\s*=\s*["']modulepreload["'])[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>/gi;
/** `import "x"`, `import a from "x"`, `export * from "x"` — static imports only (not `import(`). */
const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/** A page-relative or root-relative URL inside the build, or null for external URLs. */
function fileOf(distDir: string, fromDir: string, url: string): string | null {
  const path = url.split(/[?#]/)[0] ?? '';
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return null;
  return path.startsWith('/') ? join(distDir, path) : resolve(fromDir, path);
}

export function firstLoadJs(distDir: string): FirstLoad {
  const page = join(distDir, 'index.html');
  if (!existsSync(page)) throw new Error(`size: ${page} does not exist (build the page first)`);
  const html = readFileSync(page, 'utf8');
  const queue: (string | null)[] = [];
  for (const match of html.matchAll(moduleScript)) queue.push(fileOf(distDir, distDir, match[1]!));
  for (const match of html.matchAll(modulePreload)) queue.push(fileOf(distDir, distDir, match[1]!));
  const seen = new Set<string>();
  let bytes = 0;
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file === null || seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`size: ${relative(distDir, file)} is referenced but missing`);
    seen.add(file);
    const code = readFileSync(file);
    bytes += gzipSize(code);
    for (const match of code.toString('utf8').matchAll(staticImport)) {
      queue.push(fileOf(distDir, dirname(file), match[1]!));
    }
  }
  if (seen.size === 0) throw new Error(`size: ${page} loads no module script`);
  return { bytes, files: [...seen].map((file) => relative(distDir, file)) };
}
