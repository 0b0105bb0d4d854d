/** Bundles one of bench's browser scripts (`src/launch/browser/*.ts`) into a self-contained IIFE string. */
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export async function browserBundle(name: 'host-harness' | 'ready-probe'): Promise<string> {
  const entry = fileURLToPath(new URL(`./browser/${name}.ts`, import.meta.url));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`launch: bundling ${name} produced no output`);
  return code;
}
