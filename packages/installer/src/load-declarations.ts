/**
 * Loads every `apps/<name>/placement.ts` (default export: `definePlacement({...})`) by dynamic import
 * of its file URL (tsx, vitest, or Vite's module runner under plain Node) and validates them all.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appHandlerProblem } from './app-declaration.js';
import type { AppDeclaration } from './declarations.js';
import { findDeclarationProblems } from './declarations.js';
import { type DeclarationProblem, describeProblems, InstallerError } from './errors.js';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Imports a placement.ts. Under tsx or vitest TypeScript compiles on import; under plain Node (the
 * published `imkit` command) the file is compiled with Vite's module runner, when Vite is installed.
 */
async function importPlacementFile(file: string): Promise<{ default?: unknown }> {
  try {
    return (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const specifier: string = 'vite';
    let vite: { runnerImport?: (file: string) => Promise<{ module: unknown }> };
    try {
      vite = (await import(specifier)) as typeof vite;
    } catch {
      throw new Error(
        'plain Node cannot import .ts files; install vite (npm i -D vite) so imkit can compile them',
      );
    }
    if (typeof vite.runnerImport !== 'function')
      throw new Error('vite 6.1 or newer is needed to load .ts files');
    return (await vite.runnerImport(file)).module as { default?: unknown };
  }
}

function loadProblem(app: string, description: string): DeclarationProblem {
  return {
    app,
    placement: '',
    handler: '',
    field: 'default export',
    rule: 'a definePlacement({...}) object',
    code: 'INVALID_DECLARATION',
    description,
  };
}

/**
 * Every app in `appsDir` that has a `placement.ts`, sorted by app name, validated offline with the
 * host's rules. Throws `InstallerError` (`INVALID_DECLARATIONS`) listing every problem, each naming
 * its file, or (`INVALID_OPTIONS`) when `appsDir` cannot be read.
 */
export async function loadDeclarations(
  appsDir: string,
  handlerBase = 'https://apps.example.com/',
): Promise<AppDeclaration[]> {
  const dir = resolve(appsDir);
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new InstallerError('INVALID_OPTIONS', `cannot read the apps folder ${dir}: ${String(error)}`);
  }
  const loaded: AppDeclaration[] = [];
  const problems: DeclarationProblem[] = [];
  for (const app of names) {
    const file = join(dir, app, 'placement.ts');
    if (!(await isFile(file))) continue;
    let declaration: unknown;
    try {
      const module = await importPlacementFile(file);
      declaration = module.default;
    } catch (error) {
      problems.push(
        loadProblem(app, `cannot be imported: ${error instanceof Error ? error.message : String(error)}`),
      );
      continue;
    }
    if (typeof declaration !== 'object' || declaration === null) {
      problems.push(loadProblem(app, 'has no default export object'));
      continue;
    }
    const handlerProblem = appHandlerProblem(app, declaration);
    if (handlerProblem) problems.push(handlerProblem);
    loaded.push({ app, declaration } as AppDeclaration);
  }
  problems.push(...findDeclarationProblems(loaded, handlerBase));
  const named = problems.map((p) => ({ ...p, app: `${p.app} (${join(dir, p.app, 'placement.ts')})` }));
  if (problems.length > 0) {
    throw new InstallerError(
      'INVALID_DECLARATIONS',
      `${named.length} problem(s) in ${dir}/*/placement.ts:\n${describeProblems(named)}`,
      named,
    );
  }
  return loaded;
}
