/** Order statistics of a sample: median and percentiles (nearest-rank), as used in every latency figure. */

/** The `p`-th percentile (0 < p ≤ 100) by nearest rank; throws a RangeError for an empty sample or bad p. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) throw new RangeError('percentile: the sample is empty');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The median (the mean of the two middle values for an even count). */
export function median(sample: readonly number[]): number {
  if (sample.length === 0) throw new RangeError('median: the sample is empty');
  const sorted = [...sample].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
