/**
 * Starts a bench target script in its own Node process (`node --import tsx <file> …args`) and waits, with a
 * time limit, for the first stdout line: one JSON object saying where it listens, checked by `read`.
 * `stop()` closes its stdin and sends SIGTERM; `kill()` sends SIGKILL (the scale part's crash). Both act
 * on this child's own handle only.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { benchDir } from './repo-paths.js';

export interface ChildTarget<T> {
  readonly started: T;
  readonly pid: number;
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
  stop(): void;
  kill(): void;
  /** The last 2000 characters of its stderr. */
  errors(): string;
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function startChildTarget<T>(options: {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly read: (line: Record<string, unknown>) => T | null;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}): Promise<ChildTarget<T>> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
    process.execPath,
    ['--import', 'tsx', options.file, ...options.args],
    { cwd: benchDir, stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env },
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = () => {
    child.stdin.end();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      stop();
      reject(new Error(`${options.name}: ${message}${errors ? `\n${errors}` : ''}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(`could not start (${error.message})`));
    const early = (code: number | null) => fail(`exited with ${code} before it listened`);
    child.once('exit', early);
    createInterface({ input: child.stdout }).once('line', (line) => {
      const parsed = parseLine(line);
      const started = parsed === null ? null : options.read(parsed);
      if (started === null) return fail(`printed "${line.slice(0, 200)}" instead of its start line`);
      clearTimeout(timer);
      child.removeListener('exit', early);
      resolve({ started, pid: child.pid ?? -1, exited, stop, kill, errors: () => errors });
    });
  });
}
