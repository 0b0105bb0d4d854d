/** `pnpm bench [-- part…]`: which parts to run; no part means all of them, in the table's order. */
import { type Part, parts } from './figure.js';

export class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
}

function isPart(value: string): value is Part {
  return (parts as readonly string[]).includes(value);
}

export function parseBenchArgs(argv: readonly string[]): Part[] {
  const words = argv.filter((word) => word !== '--');
  const chosen = new Set<Part>();
  for (const word of words) {
    if (!isPart(word))
      throw new BenchArgsError(`unknown part "${word}": choose from ${parts.join(', ')} (or none for all)`);
    chosen.add(word);
  }
  return chosen.size === 0 ? [...parts] : parts.filter((part) => chosen.has(part));
}
