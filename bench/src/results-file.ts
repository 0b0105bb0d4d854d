/** `bench/results.json`: the evaluated figures of one run, the machine they ran on and any failed part. */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import type { FigureResult, Part } from './figure.js';

export interface PartFailure {
  readonly part: Part;
  readonly message: string;
}

export interface BenchResults {
  readonly generatedAt: string;
  readonly machine: { readonly node: string; readonly cpu: string; readonly cores: number };
  readonly parts: readonly Part[];
  readonly figures: readonly FigureResult[];
  readonly failures: readonly PartFailure[];
}

export function benchResults(
  parts: readonly Part[],
  figures: readonly FigureResult[],
  failures: readonly PartFailure[],
): BenchResults {
  return {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism() },
    parts,
    figures,
    failures,
  };
}

export function writeResultsFile(file: string, results: BenchResults): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
