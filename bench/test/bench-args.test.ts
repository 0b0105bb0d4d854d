import { describe, expect, it } from 'vitest';
import { BenchArgsError, parseBenchArgs } from '../src/bench-args.js';

describe('parseBenchArgs', () => {
  it('runs every part when none is named', () => {
    expect(parseBenchArgs([])).toEqual(['size', 'launch', 'verify', 'install', 'server', 'scale', 'package']);
    expect(parseBenchArgs(['--'])).toEqual([
      'size',
      'launch',
      'verify',
      'install',
      'server',
      'scale',
      'package',
    ]);
  });

  it('runs the named parts in table order, once each', () => {
    expect(parseBenchArgs(['--', 'server', 'size', 'server'])).toEqual(['size', 'server']);
  });

  it('names an unknown part', () => {
    expect(() => parseBenchArgs(['sizes'])).toThrow(BenchArgsError);
    expect(() => parseBenchArgs(['sizes'])).toThrow(/unknown part "sizes"/);
  });
});
