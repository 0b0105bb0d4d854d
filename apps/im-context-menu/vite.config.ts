/// <reference types="vitest/config" />
import { defineAppConfig } from '../vite.app-config';

// zustand is inlined in tests so the preset's react → preact/compat alias applies to it.
export default defineAppConfig({
  test: { name: 'im-context-menu', server: { deps: { inline: ['zustand'] } } },
});
