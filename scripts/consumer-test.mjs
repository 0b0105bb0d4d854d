#!/usr/bin/env node
/**
 * `pnpm test:consumer` (after `pnpm build`): imkit as a stranger uses it, with npm only, outside the
 * workspace. Packs every package into a temp folder; runs create-imkit from its tarball with
 * --packages-from; then `npm install`, `npm test` (unit + e2e in Chromium: IMKIT_CHROMIUM or
 * /usr/bin/chromium) and `npm run build` in the new project; imports @imkit/frame/verify and
 * @imkit/server from plain Node; type-checks a consumer .ts with moduleResolution node16 and bundler.
 * Every step has a timeout; progress lines go to stdout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages } from './pack-packages.mjs';
import { createImkitArgs, npmOnlyEnv, runBounded } from './run-bounded.mjs';

const started = Date.now();
const progress = (line) => console.log(`[consumer ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

const run = runBounded;

const work = mkdtempSync(join(tmpdir(), 'imkit-consumer-'));
// npm only, no workspace: a clean environment without pnpm's variables.
const npmEnv = npmOnlyEnv;
try {
  const packs = join(work, 'packs');
  progress(`packing into ${packs}`);
  const packed = packPackages(packs);
  const create = packed.find((p) => p.name === 'create-imkit');
  if (create === undefined) throw new Error('create-imkit was not packed');
  // Every placement, so each one's generated app, unit test and e2e test runs.
  const placements = ['IM_SIDEBAR', 'IM_TEXTAREA', 'IM_NAVIGATION', 'IM_CONTEXT_MENU', 'IM_SMILES_SELECTOR'];
  progress(
    `npx create-imkit my-app ${placements.map((code) => `--placement ${code}`).join(' ')} --yes --packages-from <packs>`,
  );
  await run('npx', createImkitArgs(create.tarball, 'my-app', placements, packs), work, 180_000, npmEnv);
  const app = join(work, 'my-app');
  progress('npm install');
  const t0 = Date.now();
  await run('npm', ['install'], app, 600_000, npmEnv);
  progress(`npm install took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  progress('npm test (unit, build, e2e in Chromium)');
  const tested = await run('npm', ['test'], app, 600_000, {
    ...npmEnv,
    CI: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });
  // One unit test file and one e2e test per placement ran and passed: a project whose tests were
  // silently skipped must not count as tested.
  const unitFiles = /Test Files\s+(\d+) passed/.exec(tested)?.[1];
  const e2ePassed = /(\d+) passed \(/.exec(tested.slice(tested.lastIndexOf('Running ')))?.[1];
  if (Number(unitFiles) !== placements.length || Number(e2ePassed) !== placements.length)
    throw new Error(
      `npm test ran ${unitFiles ?? 0} unit test files and ${e2ePassed ?? 0} e2e tests; expected ${placements.length} of each:\n${tested}`,
    );
  progress(`npm test: ${unitFiles} unit test files and ${e2ePassed} e2e tests passed`);
  progress('npm run build');
  await run('npm', ['run', 'build'], app, 300_000, npmEnv);
  progress('plain node imports @imkit/frame/verify and @imkit/server');
  await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const v = await import('@imkit/frame/verify'); const s = await import('@imkit/server'); if (typeof v.verifyChatAppLaunch !== 'function' || typeof s.createServer !== 'function') process.exit(1);",
    ],
    app,
    60_000,
  );
  writeFileSync(
    join(app, 'consumer.ts'),
    "import { verifyChatAppLaunch } from '@imkit/frame/verify';\nimport { definePlacement } from '@imkit/frame/placements';\nimport { createServer } from '@imkit/server';\nexport const used = [verifyChatAppLaunch, definePlacement, createServer];\n",
  );
  for (const [module, resolution] of [
    ['node16', 'node16'],
    ['esnext', 'bundler'],
  ]) {
    progress(`tsc consumer.ts with moduleResolution ${resolution}`);
    await run(
      join(app, 'node_modules', '.bin', 'tsc'),
      [
        '--noEmit',
        '--strict',
        '--types',
        'node',
        '--module',
        module,
        '--moduleResolution',
        resolution,
        '--target',
        'es2022',
        'consumer.ts',
      ],
      app,
      120_000,
    );
  }
  progress('ok: created, installed, tested, built, imported and type-checked outside the workspace');
} catch (error) {
  console.error(`consumer test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
