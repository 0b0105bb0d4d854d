/**
 * Writes a standalone imkit project from the real files in `template/`: one app per placement
 * (`apps/<name>/` from `template/app`, `e2e/<name>.spec.ts` from `template/e2e/app.spec.ts`), the shared
 * configs and a README. The template app is the IM_SIDEBAR one; its code, folder name and title are
 * replaced per placement, and its options line by the placement's own defaults.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPlacementCode, type PlacementCode, placementCodes } from '@imkit/frame/placements';

export const templateDir = fileURLToPath(new URL('../template/', import.meta.url));

/** A failure reported in one line; `exitCode` 2 for bad input. */
export class CreateImkitError extends Error {
  override readonly name = 'CreateImkitError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** From `npm_config_user_agent` (`pnpm/10.34.8 npm/? node/v20…`), like create-vite; npm by default. */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' ? name : 'npm';
}

const templateCode: PlacementCode = 'IM_SIDEBAR';
const templateName = 'im-sidebar';

/** The options each placement's app starts with (all pass the host's placement.bind rules). */
export const defaultOptions: Readonly<Record<PlacementCode, string>> = {
  IM_NAVIGATION: "{ iconName: 'fa-th-list', role: 'USER', extranet: 'N' }",
  IM_TEXTAREA: "{ iconName: 'fa-comment-o', context: 'ALL', color: 'AZURE', width: 360, height: 420 }",
  IM_SIDEBAR: "{ iconName: 'fa-bar-chart', color: 'AZURE', context: 'ALL' }",
  IM_CONTEXT_MENU: "{ context: 'ALL', role: 'USER', extranet: 'N' }",
  IM_SMILES_SELECTOR: "{ context: 'ALL', role: 'USER', extranet: 'N' }",
};

export function appNameOf(code: PlacementCode): string {
  return code.toLowerCase().replaceAll('_', '-');
}

export function checkPlacements(codes: readonly string[]): PlacementCode[] {
  const unique = [...new Set(codes)];
  const bad = unique.filter((code) => !isPlacementCode(code));
  if (bad.length > 0)
    throw new CreateImkitError(
      `unknown placement ${bad.join(', ')}; valid placements: ${placementCodes.join(', ')}`,
    );
  return unique as PlacementCode[];
}

/** The tarball of `name` in `dir` (`@imkit/frame` → `imkit-frame-<version>.tgz`), newest version first. */
export function findTarball(dir: string, name: string): string {
  const prefix = `${name.replace(/^@/, '').replace('/', '-')}-`;
  const matches = existsSync(dir)
    ? readdirSync(dir).filter((file) => file.startsWith(prefix) && /^\d/.test(file.slice(prefix.length)))
    : [];
  const found = matches.filter((file) => file.endsWith('.tgz')).sort();
  const last = found.at(-1);
  if (last === undefined)
    throw new CreateImkitError(`--packages-from ${dir} has no tarball of ${name} (${prefix}<version>.tgz)`);
  return join(resolve(dir), last);
}

export interface ProjectOptions {
  readonly dir: string;
  readonly placements: readonly PlacementCode[];
  /** A folder with the packed imkit tarballs: the project depends on them with `file:` specs. */
  readonly packagesFrom?: string | undefined;
  /** The version range of the imkit packages otherwise. */
  readonly imkitVersion: string;
}

const imkitPackages = ['@imkit/frame', '@imkit/emulator', '@imkit/installer', '@imkit/server', '@imkit/cli'];

function manifest(options: ProjectOptions, names: readonly string[]): string {
  const spec = (name: string) =>
    options.packagesFrom === undefined
      ? options.imkitVersion
      : `file:${findTarball(options.packagesFrom, name)}`;
  const specs = Object.fromEntries(imkitPackages.map((name) => [name, spec(name)]));
  const build = ['tsc', ...names.map((name) => `vite build --config apps/${name}/vite.config.ts`)].join(
    ' && ',
  );
  const pkg = {
    name: basename(resolve(options.dir))
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-'),
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: '>=20.19' },
    scripts: {
      dev: 'imkit dev',
      build,
      test: 'vitest run && npm run build && playwright test',
      start: 'imkit serve',
      placements: 'imkit placements',
    },
    dependencies: { '@imkit/frame': specs['@imkit/frame'] },
    devDependencies: {
      '@imkit/cli': specs['@imkit/cli'],
      '@imkit/emulator': specs['@imkit/emulator'],
      '@playwright/test': '1.65.1',
      '@types/node': '^20.19.0',
      typescript: '5.9.3',
      vite: '^8.3.8',
      vitest: '4.1.12',
    },
    // Local tarballs: every imkit package, also where one depends on another, comes from the folder.
    ...(options.packagesFrom === undefined ? {} : { overrides: specs }),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function personalize(text: string, code: PlacementCode): string {
  return text
    .replace(defaultOptions[templateCode], defaultOptions[code])
    .replaceAll(templateCode, code)
    .replaceAll(templateName, appNameOf(code));
}

function copyTree(from: string, to: string, map: (text: string) => string, written: string[]): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    const target = join(to, entry);
    if (statSync(source).isDirectory()) copyTree(source, target, map, written);
    else {
      writeFileSync(target, map(readFileSync(source, 'utf8')));
      written.push(target);
    }
  }
}

/** Checks everything first (nothing is written on bad input), then writes the project. */
export function createProject(options: ProjectOptions): string[] {
  const dir = resolve(options.dir);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new CreateImkitError(`${dir} is not empty; choose a new folder name or empty it first`);
  if (options.placements.length === 0)
    throw new CreateImkitError('choose at least one placement (--placement)');
  const names = options.placements.map(appNameOf);
  const pkg = manifest(options, names); // throws on a missing tarball before anything is written
  const written: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    written.push(path);
  };
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'package.json'), pkg);
  const projectName = basename(dir);
  for (const file of ['README.md', 'tsconfig.json', 'playwright.config.ts', 'vitest.config.ts'])
    write(
      join(dir, file),
      readFileSync(join(templateDir, file), 'utf8').replaceAll('__PROJECT__', projectName),
    );
  write(join(dir, '.gitignore'), readFileSync(join(templateDir, '_gitignore'), 'utf8'));
  const spec = readFileSync(join(templateDir, 'e2e', 'app.spec.ts'), 'utf8');
  for (const code of options.placements) {
    copyTree(
      join(templateDir, 'app'),
      join(dir, 'apps', appNameOf(code)),
      (text) => personalize(text, code),
      written,
    );
    write(join(dir, 'e2e', `${appNameOf(code)}.spec.ts`), personalize(spec, code));
  }
  return written.map((path) => relative(dir, path));
}
