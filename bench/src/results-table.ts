/** Formats the evaluated figures as one plain-text table: figure | ours | reference | ratio | goal | met?. */
import type { FigureResult } from './figure.js';

function formatNumber(value: number, unit: string): string {
  if (unit === 'B') return `${Math.round(value)} B`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  if (Number.isInteger(value)) return `${value} ${unit}`.trim();
  const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${ratio.toFixed(ratio < 0.1 ? 3 : 2)}×`;
}

function formatMet(met: boolean | null): string {
  return met === null ? '—' : met ? 'yes' : 'NO';
}

export function formatResultsTable(results: readonly FigureResult[]): string {
  const header = ['figure', 'ours', 'reference', 'ratio', 'goal', 'met?'];
  const rows = results.map((r) => [
    r.figure,
    formatNumber(r.ours, r.unit),
    r.reference === null ? '—' : `${formatNumber(r.reference, r.unit)} (${r.referenceName})`,
    formatRatio(r.ratio),
    r.goal?.text ?? '—',
    formatMet(r.met),
  ]);
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, i) => (i === 1 || i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
