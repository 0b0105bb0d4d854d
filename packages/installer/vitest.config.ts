import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'installer', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});
