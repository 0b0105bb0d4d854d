/**
 * The Vite config every app in `apps/` shares: Preact (with `react` aliased to `preact/compat`, so
 * zustand's hooks work), relative asset URLs so `dist/` can be served under any path, and happy-dom for
 * the app's unit tests. An app's own `vite.config.ts` is `export default defineAppConfig()`.
 */
import preact from '@preact/preset-vite';
import { defineConfig, type UserConfig } from 'vite';

export function defineAppConfig(overrides: UserConfig = {}): UserConfig {
  return defineConfig({
    base: './',
    plugins: [preact()],
    build: { target: 'es2022', sourcemap: false, ...overrides.build },
    ...overrides,
    test: {
      environment: 'happy-dom',
      // zustand is inlined so its `react` import goes through the preset's preact/compat alias.
      server: { deps: { inline: ['zustand'] } },
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      ...(overrides as { test?: object }).test,
    },
  } as UserConfig);
}
