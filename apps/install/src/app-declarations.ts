/**
 * The apps' placement declarations, bundled into the page: every `apps/<name>/placement.ts` next to
 * this app (the install page has none of its own).
 */
import { type AppDeclaration, InstallerError } from '@imkit/installer';

export type PlacementModules = Readonly<Record<string, { readonly default?: unknown }>>;

/** `../../im-sidebar/placement.ts` → `im-sidebar`. */
export function appNameOf(path: string): string {
  const parts = path.split('/');
  return parts.at(-2) ?? path;
}

/**
 * Named declarations from glob-imported modules, sorted by app. A module without a default export is an
 * `InstallerError` naming its file; the declarations themselves are validated by `applyPlacements`.
 */
export function declarationsFromModules(modules: PlacementModules): AppDeclaration[] {
  const entries = Object.entries(modules).sort(([a], [b]) => appNameOf(a).localeCompare(appNameOf(b)));
  const missing = entries.filter(
    ([, module]) => typeof module.default !== 'object' || module.default === null,
  );
  if (missing.length > 0) {
    throw new InstallerError(
      'INVALID_DECLARATIONS',
      `${missing.map(([path]) => path).join(', ')}: no default export; export default definePlacement({...})`,
    );
  }
  return entries.map(([path, module]) => ({
    app: appNameOf(path),
    declaration: module.default as AppDeclaration['declaration'],
  }));
}

/** The declarations of every app in `apps/`, read when the page is built. */
export function bundledDeclarations(): AppDeclaration[] {
  return declarationsFromModules(import.meta.glob('../../*/placement.ts', { eager: true }));
}
