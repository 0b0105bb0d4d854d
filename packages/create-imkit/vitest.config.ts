import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'create-imkit', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});
