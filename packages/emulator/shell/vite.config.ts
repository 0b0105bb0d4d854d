/**
 * Builds the emulator shell (Preact) into shell/dist, which the emulator serves at `/`. `vite` on this
 * config is a dev server for the shell alone that forwards the private API and REST to a running
 * emulator (IMKIT_EMULATOR_PORT, default 3000).
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const emulator = `http://127.0.0.1:${process.env.IMKIT_EMULATOR_PORT ?? '3000'}`;

export default defineConfig({
  root,
  base: '/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/emulator/api': emulator, '/rest': emulator } },
});
