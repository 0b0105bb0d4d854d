/**
 * Min+gzip bytes of a package entry's first-load code: bundled with esbuild (minified ESM for the
 * browser, like `pnpm test:size`), every dynamic `import()` left external so lazily loaded code is not
 * counted.
 */
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { gzipSize } from './gzip-size.js';

const dynamicImportsExternal: esbuild.Plugin = {
  name: 'dynamic-imports-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};

export async function entryBytes(entryFile: string): Promise<number> {
  if (!existsSync(entryFile)) throw new Error(`size: the entry ${entryFile} does not exist`);
  const result = await esbuild.build({
    entryPoints: [entryFile],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    plugins: [dynamicImportsExternal],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.reduce((sum, file) => sum + gzipSize(file.contents), 0);
}
