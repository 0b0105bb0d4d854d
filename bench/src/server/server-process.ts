/**
 * Starts a server-bench target (`server-target.ts`) in its own Node process and waits, with a time
 * limit, for the JSON line that says where it listens. `stop()` ends that process (by its own handle).
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { benchDir } from '../repo-paths.js';

export type TargetKind = 'imkit' | 'static';

export interface RunningTarget {
  readonly kind: TargetKind;
  readonly url: string;
  /** The installation's legacy HASH (empty for the static server). */
  readonly hash: string;
  stop(): void;
}

const targetFile = fileURLToPath(new URL('./server-target.ts', import.meta.url));

function readStarted(line: string): { url: string; hash: string } | null {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { url, hash } = parsed as Record<string, unknown>;
    return typeof url === 'string' && typeof hash === 'string' ? { url, hash } : null;
  } catch {
    return null;
  }
}

export function startTarget(kind: TargetKind, timeoutMs = 60_000): Promise<RunningTarget> {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
    process.execPath,
    ['--import', 'tsx', targetFile, kind],
    { cwd: benchDir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-2000);
  });
  const stop = () => {
    child.stdin.end();
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      stop();
      reject(new Error(`server target ${kind}: ${message}${errors ? `\n${errors}` : ''}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(`could not start (${error.message})`));
    child.once('exit', (code) => fail(`exited with ${code} before it listened`));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const started = readStarted(line);
      if (started === null) return fail(`printed "${line.slice(0, 200)}" instead of {url, hash}`);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ kind, ...started, stop });
    });
  });
}
