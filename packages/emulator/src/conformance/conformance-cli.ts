/**
 * `imkit conformance --against <url>`: the probes on a portal (or an emulator) and on a fresh emulator,
 * or on the documented reference set, with a side-by-side diff of statuses, error codes and answer shapes.
 * Exit 0 without differences, 1 with differences or a failure, 2 on usage errors. Tokens and webhook
 * codes are never printed or written.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ProbeContext } from './probes.js';
import { loadReferenceSet } from './reference-set.js';
import {
  type ConformanceReport,
  type ConformanceSide,
  compareSides,
  formatReport,
  observeTarget,
} from './run-conformance.js';
import {
  type AuthKind,
  ConformanceError,
  type ConformanceTarget,
  defaultRequestTimeoutMs,
  emulatorAdminToken,
  resolveTarget,
} from './target.js';

export const conformanceUsage = `Usage: imkit conformance --against <url> [options]
  Runs read-only probes (user.current, placement.get, batch with halt and $result references, paging,
  the error cases) on a portal and on a fresh emulator, and prints where their answers differ: statuses,
  error codes and shapes, never values.
  --against <url>               an inbound webhook URL (https://x.bitrix24.com/rest/1/<code>/), or the
                                portal URL with --access-token; an imkit emulator's URL needs neither
  --access-token <token>        an application token of an admin (IMKIT_ACCESS_TOKEN)
  --compare <url>               the other side instead of a fresh emulator (same rules as --against)
  --reference                   compare --against with the documented reference set instead
  --missing-scope-method <m>    a method of a scope your token lacks (probe error.missing-scope)
  --allow-writes                also bind, rebind and unbind a throwaway IM_SIDEBAR handler
  --out <file>                  the report as JSON (default conformance-report.json)
  --timeout-ms <n>              bound of each request (default ${defaultRequestTimeoutMs})
  --help                        this text
  Exit 0: no differences; 1: differences or a failure; 2: usage.`;

export interface ConformanceIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

class UsageError extends Error {}

interface Side {
  readonly context: ProbeContext;
  readonly close: () => Promise<void>;
}

/** A side that is an imkit emulator: its narrow credential is minted with only the `user` scope. */
async function emulatorNarrow(origin: string, timeoutMs: number): Promise<ProbeContext['narrow']> {
  const response = await fetch(`${origin}/emulator/api/token?userId=1&scope=user`, {
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { access_token?: string };
  if (typeof body.access_token !== 'string') return null;
  return { target: await resolveTarget(origin, body.access_token, timeoutMs), method: 'placement.get' };
}

async function isEmulator(origin: string, timeoutMs: number): Promise<boolean> {
  try {
    await emulatorAdminToken(origin, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

async function sideFor(
  target: ConformanceTarget,
  origin: string,
  options: { allowWrites: boolean; missingScopeMethod: string | undefined; timeoutMs: number },
): Promise<ProbeContext> {
  const narrow =
    options.missingScopeMethod !== undefined
      ? { target, method: options.missingScopeMethod }
      : (await isEmulator(origin, options.timeoutMs))
        ? await emulatorNarrow(origin, options.timeoutMs)
        : null;
  return { target, narrow, allowWrites: options.allowWrites };
}

/** A fresh emulator for the run, called the way the target is called (webhook or application token). */
async function freshEmulator(kind: AuthKind, allowWrites: boolean, timeoutMs: number): Promise<Side> {
  const { startEmulator } = await import('../index.js');
  const emulator = await startEmulator({ port: 0, stateFile: null, shell: false });
  const hook = emulator.runtime.state.webhooks[0];
  const url =
    kind === 'webhook' && hook !== undefined
      ? `${emulator.origin}/rest/${hook.userId}/${hook.code}/`
      : emulator.origin;
  const target = await resolveTarget(url, undefined, timeoutMs);
  const narrow = await emulatorNarrow(emulator.origin, timeoutMs);
  return { context: { target, narrow, allowWrites }, close: () => emulator.close() };
}

function positiveInt(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 600_000)
    throw new UsageError(`${name} must be an integer from 1 to 600000, got "${text}"`);
  return value;
}

export async function runConformanceCli(argv: readonly string[], io: ConformanceIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      strict: true,
      allowPositionals: false,
      options: {
        against: { type: 'string' },
        'access-token': { type: 'string' },
        compare: { type: 'string' },
        reference: { type: 'boolean' },
        'missing-scope-method': { type: 'string' },
        'allow-writes': { type: 'boolean' },
        out: { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    if (values.help) {
      io.stdout(conformanceUsage);
      return 0;
    }
    if (typeof values.against !== 'string') throw new UsageError('--against <url> is required');
    if (values.reference && values.compare !== undefined)
      throw new UsageError('--reference and --compare exclude each other');
  } catch (error) {
    io.stderr(`imkit conformance: ${(error as Error).message}\n\n${conformanceUsage}`);
    return 2;
  }
  const closers: Array<() => Promise<void>> = [];
  try {
    const timeoutMs =
      values['timeout-ms'] === undefined
        ? defaultRequestTimeoutMs
        : positiveInt(String(values['timeout-ms']), '--timeout-ms');
    const allowWrites = values['allow-writes'] === true;
    const missingScopeMethod = values['missing-scope-method'] as string | undefined;
    const token = (values['access-token'] as string | undefined) ?? io.env.IMKIT_ACCESS_TOKEN;
    const against = String(values.against);
    const target = await resolveTarget(against, token, timeoutMs);
    const left = await sideFor(target, new URL(against).origin, {
      allowWrites,
      missingScopeMethod,
      timeoutMs,
    });
    const progress = (line: string) => io.stderr(line);
    io.stderr(`probing ${target.label}${allowWrites ? ' (write probes on)' : ''}`);
    const leftSide: ConformanceSide = {
      label: target.label,
      observations: await observeTarget(left, progress),
    };
    let report: ConformanceReport;
    if (values.reference === true) {
      const reference = loadReferenceSet();
      report = compareSides(reference, leftSide, 'covers');
    } else {
      let right: ProbeContext;
      if (typeof values.compare === 'string') {
        const other = await resolveTarget(values.compare, undefined, timeoutMs);
        right = await sideFor(other, new URL(values.compare).origin, {
          allowWrites,
          missingScopeMethod,
          timeoutMs,
        });
      } else {
        io.stderr('starting a fresh emulator to compare with');
        const fresh = await freshEmulator(target.kind, allowWrites, timeoutMs);
        closers.push(fresh.close);
        right = fresh.context;
      }
      io.stderr(`probing ${right.target.label}`);
      report = compareSides(
        leftSide,
        { label: right.target.label, observations: await observeTarget(right, progress) },
        'exact',
      );
    }
    io.stdout(formatReport(report));
    const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : 'conformance-report.json');
    writeFileSync(out, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...report }, null, 2)}\n`);
    io.stdout(`report: ${out}`);
    return report.differences.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`imkit conformance: ${error.message}`);
      return 2;
    }
    io.stderr(`imkit conformance: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof ConformanceError ? error.exitCode : 1;
  } finally {
    for (const close of closers) await close();
  }
}
