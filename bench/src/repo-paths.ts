/** Where things are: the repository root, the apps, and bench's own build folder (git-ignored `dist`). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(benchDir, '..');
export const appsDir = join(repoRoot, 'apps');
/** Build output of the reference pages (`bench/dist/<page>`). */
export const benchDistDir = join(benchDir, 'dist');
export const resultsFile = join(benchDir, 'results.json');

/** The five sample placement apps, each with its own first-load JS figure. */
export const sampleApps = [
  'im-navigation',
  'im-sidebar',
  'im-context-menu',
  'im-textarea',
  'im-smiles-selector',
] as const;
