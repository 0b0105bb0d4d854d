/**
 * The documented reference answers (`conformance/reference-answers.json`, each labelled with its source)
 * as one side of a comparison. An entry holds a documented `body` (its shape is taken) or a `shape`
 * copied from a saved report.
 */
import { readFileSync } from 'node:fs';
import type { Observation } from './probes.js';
import type { ConformanceSide } from './run-conformance.js';
import { type Shape, shapeOf } from './shape.js';

interface ReferenceEntry {
  readonly source: string;
  readonly status: number;
  readonly error?: string;
  readonly body?: unknown;
  readonly shape?: Shape;
  readonly steps?: Readonly<Record<string, ReferenceEntry>>;
}

interface ReferenceFile {
  readonly authKind: 'application' | 'webhook';
  readonly probes: Readonly<Record<string, ReferenceEntry>>;
}

export const referenceFile = new URL('../../conformance/reference-answers.json', import.meta.url);

function toObservation(entry: ReferenceEntry): Observation {
  const steps =
    entry.steps === undefined
      ? undefined
      : Object.fromEntries(Object.entries(entry.steps).map(([name, step]) => [name, toObservation(step)]));
  return {
    status: entry.status,
    ...(entry.error === undefined ? {} : { error: entry.error }),
    shape: entry.shape ?? shapeOf(entry.body),
    ...(steps === undefined ? {} : { steps }),
  };
}

export interface ReferenceSet extends ConformanceSide {
  readonly authKind: 'application' | 'webhook';
  readonly sources: Readonly<Record<string, string>>;
}

export function loadReferenceSet(file: URL | string = referenceFile): ReferenceSet {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as ReferenceFile;
  return {
    label: 'documented reference',
    authKind: parsed.authKind,
    observations: Object.fromEntries(
      Object.entries(parsed.probes).map(([probe, entry]) => [probe, toObservation(entry)]),
    ),
    sources: Object.fromEntries(Object.entries(parsed.probes).map(([probe, entry]) => [probe, entry.source])),
  };
}
