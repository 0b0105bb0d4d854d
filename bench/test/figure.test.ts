import { describe, expect, it } from 'vitest';
import { evaluateFigure, type Figure } from '../src/figure.js';
import { formatResultsTable } from '../src/results-table.js';

const base: Figure = {
  part: 'size',
  figure: 'x',
  unit: 'B',
  ours: 3000,
  reference: 60000,
  referenceName: 'ref',
};

describe('evaluateFigure', () => {
  it('computes ours / reference and checks a max goal', () => {
    const met = evaluateFigure({ ...base, goal: { kind: 'max', value: 3072, text: '≤ 3072 B' } });
    expect(met.ratio).toBeCloseTo(0.05);
    expect(met.met).toBe(true);
    expect(evaluateFigure({ ...base, ours: 3073, goal: { kind: 'max', value: 3072, text: '' } }).met).toBe(
      false,
    );
  });

  it('checks a ratio goal against ours / reference', () => {
    const goal = { kind: 'minRatio', value: 0.5, text: 'ratio ≥ 0.50' } as const;
    expect(evaluateFigure({ ...base, ours: 50, reference: 100, goal }).met).toBe(true);
    expect(evaluateFigure({ ...base, ours: 49, reference: 100, goal }).met).toBe(false);
    expect(evaluateFigure({ ...base, reference: null, goal }).met).toBe(false);
  });

  it('checks a maximum ratio goal (latency at most twice the reference)', () => {
    const goal = { kind: 'maxRatio', value: 2, text: 'ratio ≤ 2.00' } as const;
    expect(evaluateFigure({ ...base, ours: 200, reference: 100, goal }).met).toBe(true);
    expect(evaluateFigure({ ...base, ours: 201, reference: 100, goal }).met).toBe(false);
    expect(evaluateFigure({ ...base, reference: null, goal }).met).toBe(false);
  });

  it('has no ratio without a usable reference and no verdict without a goal', () => {
    expect(evaluateFigure({ ...base, reference: 0 }).ratio).toBeNull();
    expect(evaluateFigure({ ...base, reference: null }).ratio).toBeNull();
    expect(evaluateFigure(base).met).toBeNull();
  });
});

describe('formatResultsTable', () => {
  it('prints one row per figure with ours, reference, ratio, goal and verdict', () => {
    const table = formatResultsTable([
      evaluateFigure({ ...base, figure: 'frame', goal: { kind: 'max', value: 3072, text: '≤ 3072 B' } }),
      evaluateFigure({
        ...base,
        figure: 'app',
        ours: 30000,
        goal: { kind: 'max', value: 25600, text: '≤ 25600 B' },
      }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/\| figure\s+\| +ours \| reference\s+\| +ratio \| goal\s+\| met\? \|/);
    expect(lines[2]).toMatch(/frame .*3000 B .*60000 B \(ref\) .*0\.050× .*≤ 3072 B .*yes/);
    expect(lines[3]).toMatch(/app .*30000 B .*0\.50× .*NO/);
  });
});
