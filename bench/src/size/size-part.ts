/**
 * Part 1, bytes: min+gzip of `@imkit/frame` and `@imkit/frame/legacy` (esbuild, lazy imports excluded),
 * the first-load JS of a page that only calls `connect()`, and each sample app's first-load JS — all
 * against the first-load JS of a page that only calls `initializeB24Frame()`, built with the same Vite.
 */
import { join } from 'node:path';
import { measureEntry } from '../../../scripts/size-budget.mjs';
import type { Figure } from '../figure.js';
import { appsDir, repoRoot, sampleApps } from '../repo-paths.js';
import { ensureAppsBuilt } from './app-builds.js';
import { firstLoadJs } from './first-load-js.js';
import { benchPageDist, buildBenchPages } from './reference-pages.js';

const referenceName = 'b24jssdk-only page';
const frameGoal = { kind: 'max', value: 3 * 1024, text: '≤ 3072 B' } as const;
const legacyGoal = { kind: 'max', value: 1536, text: '≤ 1536 B' } as const;
const appGoal = { kind: 'max', value: 25 * 1024, text: '≤ 25600 B' } as const;

export async function runSizePart(log: (line: string) => void): Promise<Figure[]> {
  await ensureAppsBuilt(sampleApps, log);
  log('building the reference pages with Vite');
  await buildBenchPages();
  const reference = firstLoadJs(benchPageDist('b24jssdk')).bytes;
  const frameSrc = join(repoRoot, 'packages', 'frame', 'src');
  const base = { part: 'size', unit: 'B', reference, referenceName } as const;
  const figures: Figure[] = [
    {
      ...base,
      figure: '@imkit/frame min+gzip',
      ours: (await measureEntry(join(frameSrc, 'index.ts'))).bytes,
      goal: frameGoal,
      note: 'esbuild bundle of src/index.ts, dynamic imports (REST transport, SDK) not counted',
    },
    {
      ...base,
      figure: '@imkit/frame/legacy min+gzip',
      ours: (await measureEntry(join(frameSrc, 'legacy', 'index.ts'))).bytes,
      goal: legacyGoal,
    },
    {
      ...base,
      figure: 'connect()-only page first-load JS',
      ours: firstLoadJs(benchPageDist('frame')).bytes,
      note: 'the reference page with connect() instead of initializeB24Frame(), same Vite build',
    },
  ];
  for (const app of sampleApps) {
    figures.push({
      ...base,
      figure: `${app} first-load JS`,
      ours: firstLoadJs(join(appsDir, app, 'dist')).bytes,
      goal: appGoal,
    });
  }
  return figures;
}
