#!/usr/bin/env node
/**
 * Size budgets (`pnpm test:size`, after `pnpm build`). Reads size-budgets.json at the repo root:
 *   { "name", "entry": "<ts file>", "limit": bytes }  bundles the entry with esbuild (minified ESM for the
 *      browser) with every dynamic `import()` left external, so lazily loaded code is not counted, and
 *      measures the gzip size.
 *   { "name", "dist": "apps/<x>/dist", "limit": bytes }  sums the gzip sizes of the JS a browser loads on
 *      first load: index.html's module scripts and modulepreload links, and their static import graph.
 * Prints a table; exits 1 when anything is over budget, or an entry or dist is missing.
 * `node scripts/size-budget.mjs [budgets.json]` reads another budget file (for checking the checker).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Leaves every `import()` external: lazily loaded code is not part of the first load. */
const dynamicImportsExternal = {
  name: 'dynamic-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

/** Gzip bytes of an entry's first-load code: the entry and everything it imports statically. */
async function measureEntry(entry) {
  const file = resolve(root, entry);
  if (!existsSync(file)) throw new Error(`entry ${entry} does not exist`);
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    plugins: [dynamicImportsExternal],
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles.reduce((sum, out) => sum + gzipSize(out.contents), 0);
  return { bytes, files: result.outputFiles.length };
}

const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/** Finds a file referenced by an absolute or relative URL path, tolerating a Vite `base` prefix. */
function locate(distDir, fromDir, ref) {
  const path = ref.split(/[?#]/)[0];
  if (/^[a-z]+:/i.test(path) || path.startsWith('//')) return null;
  if (!path.startsWith('/')) return resolve(fromDir, path);
  const parts = path.split('/').filter(Boolean);
  for (let skip = 0; skip < parts.length; skip++) {
    const candidate = join(distDir, ...parts.slice(skip));
    if (existsSync(candidate)) return candidate;
  }
  return join(distDir, ...parts);
}

/** Gzip bytes of the JS a browser loads for `<dist>/index.html` before any dynamic import. */
function measureDist(dist) {
  const distDir = resolve(root, dist);
  const html = join(distDir, 'index.html');
  if (!existsSync(html)) throw new Error(`${dist}/index.html does not exist (run pnpm build)`);
  const page = readFileSync(html, 'utf8');
  const queue = [];
  for (const tag of page.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag);
    if (src && /\btype\s*=\s*["']module["']/i.test(tag)) queue.push(locate(distDir, distDir, src[1]));
  }
  for (const tag of page.match(/<link\b[^>]*>/gi) ?? []) {
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag);
    if (href && /\brel\s*=\s*["']modulepreload["']/i.test(tag)) queue.push(locate(distDir, distDir, href[1]));
  }
  const seen = new Set();
  let total = 0;
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === null || seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`${relative(root, file)} is referenced but missing`);
    const code = readFileSync(file);
    total += gzipSize(code);
    for (const match of code.toString('utf8').matchAll(staticImport)) {
      queue.push(locate(distDir, dirname(file), match[1]));
    }
  }
  if (seen.size === 0) throw new Error(`${dist}/index.html loads no module script`);
  return { bytes: total, files: seen.size };
}

const budgetFile = process.argv[2] ? resolve(process.argv[2]) : join(root, 'size-budgets.json');
const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
if (!Array.isArray(budgets)) throw new Error('size-budgets.json must be an array of budgets');

const rows = [];
let failed = false;
for (const budget of budgets) {
  const row = { name: String(budget.name), limit: Number(budget.limit), size: '-', files: '-', status: '' };
  try {
    if (!Number.isFinite(row.limit) || row.limit <= 0) throw new Error('limit must be a positive number');
    const measured =
      typeof budget.entry === 'string'
        ? await measureEntry(budget.entry)
        : typeof budget.dist === 'string'
          ? measureDist(budget.dist)
          : (() => {
              throw new Error('needs "entry" or "dist"');
            })();
    row.size = measured.bytes;
    row.files = measured.files;
    row.status = measured.bytes <= row.limit ? 'ok' : `OVER by ${measured.bytes - row.limit} B`;
  } catch (error) {
    row.status = `FAIL: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (row.status !== 'ok') failed = true;
  rows.push(row);
}

const header = ['budget', 'gzip bytes', 'limit', 'files', 'status'];
const table = [
  header,
  ...rows.map((r) => [r.name, String(r.size), String(r.limit), String(r.files), r.status]),
];
const widths = header.map((_, i) => Math.max(...table.map((line) => line[i].length)));
for (const [i, line] of table.entries()) {
  console.log(
    line
      .map((cell, j) => (j === 1 || j === 2 || j === 3 ? cell.padStart(widths[j]) : cell.padEnd(widths[j])))
      .join('  '),
  );
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
process.exitCode = failed ? 1 : 0;
