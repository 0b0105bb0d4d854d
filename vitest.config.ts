import { defineConfig } from 'vitest/config';

// One vitest run covers the unit tests of every package and app; each is a vitest project.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vite.config.ts', 'bench/vitest.config.{ts,mts}'],
  },
});
