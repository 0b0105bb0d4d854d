/// <reference types="vitest/config" />
import { defineAppConfig } from '../vite.app-config';

// zustand is inlined in tests so its `react` import goes through the preact/compat alias.
export default defineAppConfig({
  test: { name: 'im-smiles-selector', server: { deps: { inline: ['zustand'] } } },
});
