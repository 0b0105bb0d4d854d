import { defineProject } from 'vitest/config';

// The emulator's tests (`test/`) and its shell's (`shell/test/`, browser-side logic with doubles).
export default defineProject({
  test: {
    name: 'emulator',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'shell/test/**/*.test.ts'],
  },
});
