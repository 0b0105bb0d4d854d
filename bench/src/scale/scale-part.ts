/**
 * Part 7, `scale`: the handler server as a fleet — three processes on one PostgreSQL, the emulator as the
 * portal with its bucket, token expiry and operating-time cost on, mixed load on loopback and one process
 * killed with SIGKILL midway — run once with imkit's shared portal client and install jobs and once with a
 * naive per-process client (`naivePortalCall`: own refresh, no lock, no budget; placements bound in the background of
 * the process that got the event). Every figure is computed from observations (`scale-figures.ts`).
 */
import type { Figure } from '../figure.js';
import { ensureAppsBuilt } from '../size/app-builds.js';
import { openPostgresCluster } from './postgres-cluster.js';
import { declaredBindings, fleetHandlerBase, scaleDeclarations } from './scale-declarations.js';
import { compareBindings, countLimitRefusals, countRefreshes, refreshesPerExpiry } from './scale-figures.js';
import { type FleetObservation, runFleet } from './scale-fleet.js';

const naiveName = 'naive per-process client';

function refreshSummary(observation: FleetObservation) {
  const count = countRefreshes(observation.witness, observation.proofRefreshTokens, (token) =>
    observation.expiresByRefreshToken.get(token),
  );
  return { count, value: refreshesPerExpiry(count) };
}

export function scaleFigures(
  ours: FleetObservation,
  naive: FleetObservation,
  declared: readonly { placement: string; handler: string }[],
): Figure[] {
  const refresh = { ours: refreshSummary(ours), naive: refreshSummary(naive) };
  const refusals = { ours: countLimitRefusals(ours.answers), naive: countLimitRefusals(naive.answers) };
  const lost = (o: FleetObservation) => (o.killEpisode.acknowledged && !o.killEpisode.completeAfter ? 1 : 0);
  const bindings = {
    ours: compareBindings(declared, ours.bindings, fleetHandlerBase),
    naive: compareBindings(declared, naive.bindings, fleetHandlerBase),
  };
  const refreshNote = (name: string, r: ReturnType<typeof refreshSummary>) =>
    `${name}: ${r.count.refreshes} refreshes for ${r.count.expiries} expiries, ${r.count.refused} refused by the OAuth server, ${r.count.early} before the token expired`;
  const callsNote = (name: string, o: FleetObservation) =>
    `${name}: ${o.portalCalls.ok} portal calls answered, ${o.portalCalls.failed} failed`;
  const launches = ours.launches;
  return [
    {
      part: 'scale',
      figure: 'scale: token refreshes per expiry',
      unit: '',
      ours: refresh.ours.value,
      reference: refresh.naive.value,
      referenceName: naiveName,
      goal: { kind: 'max', value: 1, text: '1' },
      note: `${refreshNote('ours', refresh.ours)}; ${refreshNote('naive', refresh.naive)}; token lifetime 4 s (a refresh made before the pair expired still counts that pair once)`,
    },
    {
      part: 'scale',
      figure: 'scale: calls refused by the portal rate limit',
      unit: 'calls',
      ours: refusals.ours.queryLimit + refusals.ours.operatingTime,
      reference: refusals.naive.queryLimit + refusals.naive.operatingTime,
      referenceName: naiveName,
      goal: { kind: 'max', value: 0, text: '0' },
      note: `503 QUERY_LIMIT_EXCEEDED + 429 OPERATION_TIME_LIMIT: ours ${refusals.ours.queryLimit} + ${refusals.ours.operatingTime}, naive ${refusals.naive.queryLimit} + ${refusals.naive.operatingTime}; bucket 2/s burst 50; ${callsNote('ours', ours)}; ${callsNote('naive', naive)}`,
    },
    {
      part: 'scale',
      figure: 'scale: install jobs lost after kill -9',
      unit: 'jobs',
      ours: lost(ours),
      reference: lost(naive),
      referenceName: naiveName,
      goal: { kind: 'max', value: 0, text: '0' },
      note: `the install acknowledged by the killed process: bindings complete ${ours.killEpisode.completeAfter ? `after ${(ours.killEpisode.waitedMs / 1000).toFixed(1)} s` : 'never (60 s bound)'} (ours), ${naive.killEpisode.completeAfter ? `after ${(naive.killEpisode.waitedMs / 1000).toFixed(1)} s` : 'never (60 s bound)'} (naive)`,
    },
    {
      part: 'scale',
      figure: 'scale: duplicated or missing bindings',
      unit: 'bindings',
      ours: bindings.ours.duplicated + bindings.ours.missing,
      reference: bindings.naive.duplicated + bindings.naive.missing,
      referenceName: naiveName,
      goal: { kind: 'max', value: 0, text: '0' },
      note: `of ${declared.length} declared at the end: ours ${bindings.ours.duplicated} duplicated, ${bindings.ours.missing} missing; naive ${bindings.naive.duplicated} duplicated, ${bindings.naive.missing} missing`,
    },
    {
      part: 'scale',
      figure: 'scale: launches req/s, 3 processes ÷ 1',
      unit: '/s',
      ours: launches?.three ?? Number.NaN,
      reference: launches?.one ?? Number.NaN,
      referenceName: '1 process',
      note: `placement launch POST on the imkit fleet; 1500 requests at concurrency 16 on one process, 3 × 500 at 6 on three at once${launches && launches.failed > 0 ? `; FAILED answers ${launches.failed}` : ''}; no goal on 2 cores`,
    },
  ];
}

export async function runScalePart(log: (line: string) => void): Promise<Figure[]> {
  await ensureAppsBuilt(['im-sidebar'], log);
  const declarations = await scaleDeclarations();
  const declared = declaredBindings(declarations);
  const cluster = await openPostgresCluster();
  log(`PostgreSQL ${cluster.url.replace(/\/\/[^@]*@/, '//')}`);
  try {
    const ours = await runFleet('imkit', cluster, declarations, log);
    const naive = await runFleet('naive', cluster, declarations, log);
    return scaleFigures(ours, naive, declared);
  } finally {
    await cluster.close();
  }
}
