/**
 * Runs the probes on two targets (or one target and the reference set) and lists where they differ:
 * statuses, error codes and answer shapes. The report never holds values, tokens or webhook codes.
 */
import { type Observation, type ProbeContext, type ProbeResult, probes } from './probes.js';
import { diffShapes } from './shape.js';

export type Observations = Readonly<Record<string, ProbeResult>>;

export interface Difference {
  readonly probe: string;
  readonly path: string;
  readonly left: string;
  readonly right: string;
}

export interface ConformanceSide {
  readonly label: string;
  readonly observations: Observations;
}

export interface ConformanceReport {
  /** `exact` between two live targets; `covers` against the documented reference set. */
  readonly mode: 'exact' | 'covers';
  readonly left: ConformanceSide;
  readonly right: ConformanceSide;
  readonly differences: readonly Difference[];
  /** Probes not compared, with the reason. */
  readonly skipped: Readonly<Record<string, string>>;
}

export type ProgressLine = (line: string) => void;

/** Every probe on one target, in order; a write probe without `allowWrites` is skipped. */
export async function observeTarget(
  context: ProbeContext,
  progress: ProgressLine = () => {},
): Promise<Observations> {
  const out: Record<string, ProbeResult> = {};
  for (const probe of probes) {
    if (probe.writes && !context.allowWrites) {
      out[probe.id] = { skipped: 'writes to the portal; pass --allow-writes' };
      continue;
    }
    progress(`  ${context.target.label}: ${probe.id}`);
    out[probe.id] = await probe.run(context);
  }
  return out;
}

function compareObservation(
  probe: string,
  left: Observation,
  right: Observation,
  mode: 'exact' | 'covers',
  prefix = '',
): Difference[] {
  const out: Difference[] = [];
  if (left.status !== right.status)
    out.push({ probe, path: `${prefix}status`, left: String(left.status), right: String(right.status) });
  if ((left.error ?? '') !== (right.error ?? ''))
    out.push({ probe, path: `${prefix}error`, left: left.error ?? '(none)', right: right.error ?? '(none)' });
  for (const d of diffShapes(left.shape, right.shape, mode))
    out.push({ probe, path: `${prefix}body${d.path === '.' ? '' : d.path}`, left: d.left, right: d.right });
  const steps = new Set([...Object.keys(left.steps ?? {}), ...Object.keys(right.steps ?? {})]);
  for (const step of [...steps].sort()) {
    const l = left.steps?.[step];
    const r = right.steps?.[step];
    if (l === undefined || r === undefined) {
      if (l !== undefined || mode === 'exact')
        out.push({
          probe,
          path: `${prefix}${step}`,
          left: l ? 'called' : '(absent)',
          right: r ? 'called' : '(absent)',
        });
      continue;
    }
    out.push(...compareObservation(probe, l, r, mode, `${prefix}${step}.`));
  }
  return out;
}

export function compareSides(
  left: ConformanceSide,
  right: ConformanceSide,
  mode: 'exact' | 'covers',
): ConformanceReport {
  const differences: Difference[] = [];
  const skipped: Record<string, string> = {};
  for (const probe of probes) {
    const l = left.observations[probe.id];
    const r = right.observations[probe.id];
    if (l === undefined || r === undefined || 'skipped' in l || 'skipped' in r) {
      const why = [l, r].find((o): o is { skipped: string } => o !== undefined && 'skipped' in o);
      skipped[probe.id] = why?.skipped ?? `no observation on the ${l === undefined ? 'left' : 'right'}`;
      continue;
    }
    differences.push(...compareObservation(probe.id, l, r, mode));
  }
  return { mode, left, right, differences, skipped };
}

/** The report as a side-by-side table, one line per difference. */
export function formatReport(report: ConformanceReport): string {
  const lines = [`conformance (${report.mode}): ${report.left.label}  ↔  ${report.right.label}`];
  if (report.differences.length === 0) lines.push('no differences');
  else {
    const rows = report.differences.map((d) => [`${d.probe} ${d.path}`, d.left, d.right] as const);
    const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i]!.length), i === 0 ? 5 : 4));
    lines.push(`${'where'.padEnd(widths[0]!)}  ${'left'.padEnd(widths[1]!)}  right`);
    for (const [where, l, r] of rows)
      lines.push(`${where.padEnd(widths[0]!)}  ${l.padEnd(widths[1]!)}  ${r}`);
    lines.push(`${report.differences.length} difference(s)`);
  }
  for (const [probe, why] of Object.entries(report.skipped)) lines.push(`skipped ${probe}: ${why}`);
  return lines.join('\n');
}
