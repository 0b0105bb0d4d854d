import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'frame', include: ['test/**/*.test.ts'] },
});
