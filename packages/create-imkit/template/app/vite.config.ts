import { fileURLToPath } from 'node:url';
import { acceptHostPost } from '@imkit/emulator/vite-plugin';
import { defineConfig } from 'vite';

// Relative asset URLs, so dist/ can be served under /<app>/ by `imkit serve`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [acceptHostPost()],
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
