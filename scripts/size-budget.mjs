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
 *
 * The measuring (`gzipSize`, `measureEntry`, `firstLoadJs`) is exported for bench (types in
 * size-budget.d.mts); importing this module runs nothing.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bytes after gzip at level 9: how every size figure is counted (min+gzip). */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

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
export async function measureEntry(entryFile) {
  if (!existsSync(entryFile)) throw new Error(`entry ${entryFile} does not exist`);
  const result = await esbuild.build({
    entryPoints: [entryFile],
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

const moduleScript = /<script\b(?=[^>]*\btype\s*=\s*["']module["'])[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi;
const modulePreload =
  /<link\b(?=[^>]*\brel\s*=\s*["']modulepreload["'])[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>/gi;
/** `import "x"`, `import a from "x"`, `export * from "x"` — static imports only (not `import(`). */
const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

/**
 * The file a page-relative or root-relative URL names inside the build (a root-relative one tolerating a
 * Vite `base` prefix), or null for an external URL.
 */
function fileOf(distDir, fromDir, url) {
  const path = url.split(/[?#]/)[0] ?? '';
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return null;
  if (!path.startsWith('/')) return resolve(fromDir, path);
  const parts = path.split('/').filter(Boolean);
  for (let skip = 0; skip < parts.length; skip++) {
    const candidate = join(distDir, ...parts.slice(skip));
    if (existsSync(candidate)) return candidate;
  }
  return join(distDir, ...parts);
}

/**
 * Gzip bytes of the JS a browser loads for `<distDir>/index.html` before any dynamic import: its module
 * scripts and modulepreload links, then their static import graph; `files` relative to `distDir`.
 */
export function firstLoadJs(distDir) {
  const page = join(distDir, 'index.html');
  if (!existsSync(page)) throw new Error(`${page} does not exist (build it first)`);
  const html = readFileSync(page, 'utf8');
  const queue = [];
  for (const match of html.matchAll(moduleScript)) queue.push(fileOf(distDir, distDir, match[1]));
  for (const match of html.matchAll(modulePreload)) queue.push(fileOf(distDir, distDir, match[1]));
  const seen = new Set();
  let bytes = 0;
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file === null || seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(distDir, file)} is referenced but missing`);
    seen.add(file);
    const code = readFileSync(file);
    bytes += gzipSize(code);
    for (const match of code.toString('utf8').matchAll(staticImport)) {
      queue.push(fileOf(distDir, dirname(file), match[1]));
    }
  }
  if (seen.size === 0) throw new Error(`${page} loads no module script`);
  return { bytes, files: [...seen].map((file) => relative(distDir, file)) };
}

async function measureBudget(budget) {
  if (typeof budget.entry === 'string') return measureEntry(resolve(root, budget.entry));
  if (typeof budget.dist === 'string') {
    const { bytes, files } = firstLoadJs(resolve(root, budget.dist));
    return { bytes, files: files.length };
  }
  throw new Error('needs "entry" or "dist"');
}

function printTable(rows) {
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
}

async function checkBudgets(budgetFile) {
  const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
  if (!Array.isArray(budgets)) throw new Error('size-budgets.json must be an array of budgets');
  const rows = [];
  let failed = false;
  for (const budget of budgets) {
    const row = { name: String(budget.name), limit: Number(budget.limit), size: '-', files: '-', status: '' };
    try {
      if (!Number.isFinite(row.limit) || row.limit <= 0) throw new Error('limit must be a positive number');
      const measured = await measureBudget(budget);
      row.size = measured.bytes;
      row.files = measured.files;
      row.status = measured.bytes <= row.limit ? 'ok' : `OVER by ${measured.bytes - row.limit} B`;
    } catch (error) {
      row.status = `FAIL: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (row.status !== 'ok') failed = true;
    rows.push(row);
  }
  printTable(rows);
  return !failed;
}

/** True when node runs this file itself, false when another module imports it. */
function runAsScript() {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runAsScript()) {
  const budgetFile = process.argv[2] ? resolve(process.argv[2]) : join(root, 'size-budgets.json');
  process.exitCode = (await checkBudgets(budgetFile)) ? 0 : 1;
}
