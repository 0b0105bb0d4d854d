/** The shell reads the fault switches from `GET state` (and `POST faults`) or names the bad field. */
import { describe, expect, it } from 'vitest';
import { readFaults, readPortalState } from '../shell/src/portal/portal-state.js';
import { harness } from './emulator-harness.js';

describe('the shell reading fault switches', () => {
  it('reads them from the real state view, as they change', async () => {
    const { api } = harness({ faults: { latencyMs: 5 } });
    expect(readPortalState((await api('state')).body).faults).toEqual({
      latencyMs: 5,
      fail503Count: 0,
      tokenTtlSeconds: 3600,
    });
    const answer = await api('faults', { fail503Count: 3 });
    expect(readFaults(answer.body, 'faults')).toEqual({
      latencyMs: 5,
      fail503Count: 3,
      tokenTtlSeconds: 3600,
    });
    expect(readPortalState((await api('reset', {})).body).faults.fail503Count).toBe(0);
  });

  it('names the field it cannot use', () => {
    expect(() => readFaults(undefined)).toThrow(/state\.faults/);
    expect(() => readFaults({ latencyMs: 0, fail503Count: 'many', tokenTtlSeconds: 1 })).toThrow(
      /state\.faults\.fail503Count/,
    );
  });
});
