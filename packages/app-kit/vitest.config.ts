import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'app-kit', environment: 'happy-dom', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
});
