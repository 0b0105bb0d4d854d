/**
 * Starts a server-bench target (`server-target.ts`) in its own Node process and waits, with a time
 * limit, for the JSON line that says where it listens. `stop()` ends that process (by its own handle).
 */
import { fileURLToPath } from 'node:url';
import { startChildTarget } from '../child-target.js';

export type TargetKind = 'imkit' | 'static';

export interface RunningTarget {
  readonly kind: TargetKind;
  readonly url: string;
  /** The installation's legacy HASH (empty for the static server). */
  readonly hash: string;
  stop(): void;
}

const targetFile = fileURLToPath(new URL('./server-target.ts', import.meta.url));

export async function startTarget(kind: TargetKind, timeoutMs = 60_000): Promise<RunningTarget> {
  const child = await startChildTarget({
    name: `server target ${kind}`,
    file: targetFile,
    args: [kind],
    timeoutMs,
    read: ({ url, hash }) => (typeof url === 'string' && typeof hash === 'string' ? { url, hash } : null),
  });
  return { kind, ...child.started, stop: child.stop };
}
