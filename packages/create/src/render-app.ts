/**
 * `renderApp(spec)`: every file of a new app as text — the app folder's files (paths relative to
 * `apps/<name>/`) and its e2e spec (for `e2e/<name>.spec.ts`). Pure: nothing is written here.
 */
import type { AppSpec } from './app-spec.js';
import { e2eFile } from './templates/e2e-file.js';
import { flavors } from './templates/flavors.js';
import { packageFile, tsconfigFile, viteConfigFile } from './templates/package-file.js';
import { indexHtmlFile, mainFile } from './templates/page-files.js';
import { placementFile } from './templates/placement-file.js';
import { readmeFile } from './templates/readme-file.js';
import { textsFile } from './templates/texts-file.js';

export interface RenderedApp {
  /** Path relative to the app folder → content. */
  readonly appFiles: Readonly<Record<string, string>>;
  /** The Playwright spec for the workspace's `e2e/` folder. */
  readonly e2eSpec: string;
}

export function renderApp(spec: AppSpec): RenderedApp {
  const flavor = flavors[spec.placement];
  const files = flavor.files(spec);
  return {
    appFiles: {
      'package.json': packageFile(spec),
      'tsconfig.json': tsconfigFile,
      'vite.config.ts': viteConfigFile(spec),
      'index.html': indexHtmlFile(spec),
      'placement.ts': placementFile(spec),
      'README.md': readmeFile(spec),
      'src/main.tsx': mainFile(spec),
      ...files.helpers,
      'src/store.ts': files.store,
      'src/texts.ts': textsFile(spec, flavor.messages),
      'src/components/App.tsx': files.app,
      'test/app.test.tsx': files.unitTest,
    },
    e2eSpec: e2eFile(spec, flavor.e2e),
  };
}
