/**
 * The generated app's package.json, tsconfig.json and vite.config.ts: the same dependencies and build
 * set-up as the sample apps (Preact on `@imkit/app-kit`, zustand, the shared `apps/vite.app-config.ts`).
 */
import { appPackageName } from '../app-name.js';
import type { AppSpec } from '../app-spec.js';

export const appDependencies = {
  '@imkit/app-kit': 'workspace:*',
  '@imkit/frame': 'workspace:*',
  preact: '^10.29.8',
  zustand: '^5.1.0',
} as const;

export const appDevDependencies = {
  '@bitrix24/b24jssdk': '2.2.0',
  '@preact/preset-vite': '^2.10.6',
  '@testing-library/preact': '^3.2.4',
  'happy-dom': '^21.0.4',
  vite: '^8.3.8',
} as const;

export function packageFile(spec: AppSpec): string {
  const manifest = {
    name: appPackageName(spec.name),
    version: '0.1.0',
    private: true,
    type: 'module',
    exports: { './placement': './placement.ts' },
    scripts: {
      dev: 'vite',
      build: 'vite build',
      typecheck: 'tsc -p tsconfig.json',
      test: 'vitest run',
    },
    dependencies: appDependencies,
    devDependencies: appDevDependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export const tsconfigFile = `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "types": ["node"] },
  "include": ["src", "test", "placement.ts"]
}
`;

export function viteConfigFile(spec: AppSpec): string {
  return `/// <reference types="vitest/config" />
import { defineAppConfig } from '../vite.app-config';

// zustand is inlined in tests so its \`react\` import goes through the preact/compat alias.
export default defineAppConfig({
  test: { name: '${spec.name}', server: { deps: { inline: ['zustand'] } } },
});
`;
}
