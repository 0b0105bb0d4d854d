/**
 * Part 5, handler server under load on loopback: requests per second and p99 latency of placement
 * launches (the host's form POST, checked against the stored installation) and verified legacy launches
 * (signed GET: DOMAIN_HASH, USER_HASH, Referer, session token), against a node:http + fs server serving
 * the same file for the same request. Each server runs in its own process; the load generator runs
 * here with a fixed request count, a time cap and fixed concurrency, alternating between the two.
 */
import type { Figure } from '../figure.js';
import { ensureAppsBuilt } from '../size/app-builds.js';
import { benchPortal, legacyLaunchQuery, placementLaunch } from './bench-installation.js';
import { type LoadRequest, type LoadResult, runLoad, summarizeLoad } from './load-generator.js';
import { type RunningTarget, startTarget } from './server-process.js';

const rounds = 4;
const perRound = 1500;
const concurrency = 16;
const timeCapMs = 10_000;

interface Scenario {
  readonly name: string;
  readonly request: (hash: string) => LoadRequest;
  /** Goal on req/s ÷ the static server's (issue #14: ≥ 0.6×). */
  readonly minThroughputRatio: number;
  /** Goal on p99 ÷ the static server's, when the scenario has one (issue #14: ≤ 2× for POST launch). */
  readonly maxP99Ratio?: number;
}

const scenarios: readonly Scenario[] = [
  {
    name: 'placement launch POST',
    request: () => {
      const launch = placementLaunch();
      return {
        method: 'POST',
        path: `/im-sidebar/?${launch.query}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: launch.body,
      };
    },
    minThroughputRatio: 0.6,
    maxP99Ratio: 2,
  },
  {
    name: 'legacy launch GET (verified)',
    request: (hash) => ({
      method: 'GET',
      path: `/legacy-chat-app/?${legacyLaunchQuery(hash)}`,
      headers: { Referer: `${benchPortal.origin}/online/` },
    }),
    minThroughputRatio: 0.6,
  },
];

async function load(target: RunningTarget, request: LoadRequest, total: number): Promise<LoadResult> {
  return runLoad({ url: target.url, request, total, concurrency, timeCapMs });
}

export async function runServerPart(log: (line: string) => void): Promise<Figure[]> {
  await ensureAppsBuilt(['im-sidebar', 'legacy-chat-app'], log);
  const targets: RunningTarget[] = [];
  try {
    const imkit = await startTarget('imkit');
    targets.push(imkit);
    const plain = await startTarget('static');
    targets.push(plain);
    const figures: Figure[] = [];
    for (const scenario of scenarios) {
      const ours = scenario.request(imkit.hash);
      const reference = scenario.request(imkit.hash);
      for (const [target, request] of [
        [imkit, ours],
        [plain, reference],
      ] as const) {
        const check = await load(target, request, 1);
        if (check.failed > 0)
          throw new Error(`server: ${scenario.name} on the ${target.kind} server is not answered with 200`);
        await load(target, request, 300);
      }
      const oursRounds: LoadResult[] = [];
      const referenceRounds: LoadResult[] = [];
      for (let round = 0; round < rounds; round++) {
        const pair = [
          async () => oursRounds.push(await load(imkit, ours, perRound)),
          async () => referenceRounds.push(await load(plain, reference, perRound)),
        ];
        if (round % 2 === 1) pair.reverse();
        for (const run of pair) await run();
      }
      const a = summarizeLoad(oursRounds);
      const b = summarizeLoad(referenceRounds);
      log(`${scenario.name}: ${rounds} rounds × ${perRound} requests, concurrency ${concurrency}`);
      const failures =
        a.failed + b.failed > 0 ? `; FAILED answers: ours ${a.failed}, static ${b.failed}` : '';
      figures.push(
        {
          part: 'server',
          figure: `server ${scenario.name}: req/s`,
          unit: '/s',
          ours: a.perSecond,
          reference: b.perSecond,
          referenceName: 'node:http + fs',
          goal: {
            kind: 'minRatio',
            value: scenario.minThroughputRatio,
            text: `ratio ≥ ${scenario.minThroughputRatio.toFixed(2)}`,
          },
          note: `${rounds} × ${perRound} requests per server, concurrency ${concurrency}, alternating${failures}`,
        },
        {
          part: 'server',
          figure: `server ${scenario.name}: p99`,
          unit: 'ms',
          ours: a.p99,
          reference: b.p99,
          referenceName: 'node:http + fs',
          ...(scenario.maxP99Ratio === undefined
            ? {}
            : {
                goal: {
                  kind: 'maxRatio',
                  value: scenario.maxP99Ratio,
                  text: `ratio ≤ ${scenario.maxP99Ratio.toFixed(2)}`,
                },
              }),
        },
      );
    }
    return figures;
  } finally {
    for (const target of targets) target.stop();
  }
}
