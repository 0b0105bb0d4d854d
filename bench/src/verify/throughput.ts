/**
 * Operations per second of a synchronous function on the current thread (one core): runs it in batches
 * until `durationMs` has passed and returns the rate. `sink` keeps results alive so the work is not
 * optimized away.
 */
export function opsPerSecond(operation: () => unknown, durationMs: number): number {
  if (!(durationMs > 0)) throw new RangeError(`opsPerSecond: durationMs must be positive, got ${durationMs}`);
  const batch = 256;
  let count = 0;
  let sink = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < batch; i++) {
      if (operation() !== undefined) sink++;
    }
    count += batch;
    elapsed = performance.now() - started;
  }
  if (sink < 0) throw new Error('unreachable');
  return (count / elapsed) * 1000;
}
