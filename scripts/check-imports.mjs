#!/usr/bin/env node
/**
 * The import check (`pnpm lint`): reads every `.ts`/`.tsx` file under `packages/*\/src`,
 * `packages/emulator/shell/src` and `apps/*\/src`, follows its relative specifiers (`import … from`,
 * `export … from`, side-effect `import '…'`, `import('…')`; `.js` resolves to `.ts`/`.tsx`), and reports
 *   (a) every import circle (strongly connected components of the module graph, Tarjan), and
 *   (b) in `packages/emulator/src`, every import going against the layer order below: a file may import
 *       files of its own layer or of lower layers, never of a higher one.
 * Type-only imports count: a circle of types is still a circle to read. Exits 1 with one line per finding.
 *
 * `checkImports(root, options)` is exported (types in check-imports.d.mts) so the test can run it on a
 * temporary tree; importing this module runs nothing.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The emulator's floors, lowest first. A file's layer is the longest `prefix` (relative to
 * `packages/emulator/src`) it starts with; `''` is the package's composition at the top of `src/`.
 */
export const emulatorLayers = [
  {
    rank: 0,
    prefix: 'portal/state/',
    name: 'portal state (the portal data, its store, queries, seed, tokens)',
  },
  { rank: 1, prefix: 'portal/', name: 'portal core (runtime, event hub, faults, limits, frame sessions)' },
  { rank: 2, prefix: 'portal/rest/', name: 'REST and OAuth routes, the methods' },
  { rank: 3, prefix: 'frame-host/', name: 'frame host (launching frames, frame commands, legacy launch)' },
  { rank: 4, prefix: 'private-api/', name: "private API (the shell's routes, contract, state view)" },
  { rank: 5, prefix: 'hosting/', name: 'hosting (serving the shell and the apps)' },
  { rank: 6, prefix: '', name: 'composition (index, emulator-app, shutdown)' },
  { rank: 7, prefix: 'dev/', name: 'dev tooling (dev command, Vite plugin, CLI, installing apps)' },
  { rank: 7, prefix: 'testing/', name: 'test adapters (Playwright fixture, Chromium)' },
  { rank: 7, prefix: 'conformance/', name: 'conformance runner' },
];

export const defaultSourceRoots = ['packages/*/src', 'packages/emulator/shell/src', 'apps/*/src'];

const specifierPattern =
  /(?:\bimport|\bexport)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function expandRoots(root, patterns) {
  const dirs = [];
  for (const pattern of patterns) {
    const [head, tail] = pattern.split('/*/');
    if (tail === undefined) {
      if (existsSync(join(root, pattern))) dirs.push(join(root, pattern));
      continue;
    }
    const base = join(root, head);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name, tail);
      if (existsSync(dir) && statSync(dir).isDirectory()) dirs.push(dir);
    }
  }
  return dirs;
}

function sourceFiles(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Strips comments so a specifier quoted in a doc comment is not read as an import. */
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The relative specifiers a file names. */
export function importSpecifiers(text) {
  const found = [];
  for (const match of stripComments(text).matchAll(specifierPattern)) {
    const spec = match[1] ?? match[2];
    if (spec?.startsWith('.')) found.push(spec);
  }
  return found;
}

function resolveSpecifier(from, spec, known) {
  const base = resolve(dirname(from), spec);
  const candidates = [base];
  if (/\.[cm]?jsx?$/.test(base)) {
    const stem = base.replace(/\.[cm]?jsx?$/, '');
    candidates.push(`${stem}.ts`, `${stem}.tsx`);
  }
  candidates.push(`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'));
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

function layerOf(path, layers) {
  let best = null;
  for (const layer of layers)
    if (path.startsWith(layer.prefix) && (best === null || layer.prefix.length > best.prefix.length))
      best = layer;
  return best;
}

/** Tarjan's strongly connected components; returns the components with a circle in them. */
function findCycles(graph) {
  let index = 0;
  const indices = new Map();
  const lowlinks = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    indices.set(node, index);
    lowlinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlinks.set(node, Math.min(lowlinks.get(node), lowlinks.get(next)));
      } else if (onStack.has(next)) lowlinks.set(node, Math.min(lowlinks.get(node), indices.get(next)));
    }
    if (lowlinks.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return cycles;
}

/**
 * Checks the import graph under `root`. `sourceRoots` are folders relative to `root` (`a/*\/b` expands
 * one level); `layered` is the folder whose files the `layers` table orders. Returns one line per finding.
 */
export function checkImports(
  root,
  { sourceRoots = defaultSourceRoots, layered = 'packages/emulator/src', layers = emulatorLayers } = {},
) {
  const files = expandRoots(root, sourceRoots).flatMap((dir) => sourceFiles(dir, []));
  const known = new Set(files);
  const graph = new Map();
  const findings = [];
  const show = (path) => relative(root, path).split(sep).join('/');
  const layeredDir = join(root, layered) + sep;
  for (const file of files) {
    const edges = new Set();
    graph.set(file, edges);
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, spec, known);
      if (target === null) continue;
      edges.add(target);
      if (!file.startsWith(layeredDir) || !target.startsWith(layeredDir)) continue;
      const fromLayer = layerOf(relative(layeredDir, file).split(sep).join('/'), layers);
      const toLayer = layerOf(relative(layeredDir, target).split(sep).join('/'), layers);
      if (fromLayer !== null && toLayer !== null && toLayer.rank > fromLayer.rank)
        findings.push(
          `layer: ${show(file)} (${fromLayer.rank} ${fromLayer.prefix || '<top>'}) imports ${show(target)} (${toLayer.rank} ${toLayer.prefix || '<top>'})`,
        );
    }
  }
  for (const cycle of findCycles(graph)) findings.push(`cycle: ${cycle.map(show).join(' <-> ')}`);
  return findings;
}

function isMain() {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const findings = checkImports(root);
  for (const finding of findings) console.error(finding);
  if (findings.length > 0) {
    console.error(`check-imports: ${findings.length} finding(s)`);
    process.exit(1);
  }
  console.log('check-imports: no import circles, no import against the emulator layers');
}
