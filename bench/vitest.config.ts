import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Unit tests of bench's own helpers (not the benchmarks: those run only with `pnpm bench`).
export default defineProject({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: { name: 'bench', include: ['test/**/*.test.ts'] },
});
