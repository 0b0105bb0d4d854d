/**
 * `pnpm bench [-- size|launch|verify|install|server|scale|package …]`: runs the chosen parts (all by default) one after
 * another, prints one table (figure | ours | reference | ratio | goal | met?) and writes
 * `bench/results.json`. A part that fails is reported and the others still run; the exit code is then 1.
 */
import { BenchArgsError, parseBenchArgs } from './bench-args.js';
import { evaluateFigure, type Figure, type FigureResult, type Part } from './figure.js';
import { runInstallPart } from './install/install-part.js';
import { runLaunchPart } from './launch/launch-part.js';
import { runPackagePart } from './package/package-part.js';
import { resultsFile } from './repo-paths.js';
import { benchResults, type PartFailure, writeResultsFile } from './results-file.js';
import { formatResultsTable } from './results-table.js';
import { runScalePart } from './scale/scale-part.js';
import { runServerPart } from './server/server-part.js';
import { runSizePart } from './size/size-part.js';
import { runVerifyPart } from './verify/verify-part.js';

const runners: Readonly<Record<Part, (log: (line: string) => void) => Promise<Figure[]>>> = {
  size: runSizePart,
  launch: runLaunchPart,
  verify: runVerifyPart,
  install: runInstallPart,
  server: runServerPart,
  scale: runScalePart,
  package: runPackagePart,
};

async function main(): Promise<number> {
  let parts: Part[];
  try {
    parts = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchArgsError) {
      console.error(`bench: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const figures: FigureResult[] = [];
  const failures: PartFailure[] = [];
  for (const part of parts) {
    const started = performance.now();
    const log = (line: string) => console.error(`[${part}] ${line}`);
    log('running');
    try {
      for (const figure of await runners[part](log)) figures.push(evaluateFigure(figure));
      log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ part, message });
      log(`FAILED: ${message}`);
    }
  }
  console.log(formatResultsTable(figures));
  for (const figure of figures) {
    if (figure.note) console.log(`  · ${figure.figure}: ${figure.note}`);
  }
  for (const failure of failures)
    console.log(`  ✗ ${failure.part} failed: ${failure.message.split('\n')[0]}`);
  writeResultsFile(resultsFile, benchResults(parts, figures, failures));
  console.log(`results: ${resultsFile}`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
