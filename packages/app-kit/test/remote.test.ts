import { describe, expect, it } from 'vitest';
import { type Remote, track } from '../src/remote.js';

describe('track', () => {
  it('stores loading then ready', async () => {
    const steps: Remote<number>[] = [];
    await expect(
      track(
        async () => 7,
        (r) => steps.push(r),
      ),
    ).resolves.toBe(7);
    expect(steps).toEqual([{ status: 'loading' }, { status: 'ready', data: 7 }]);
  });

  it('stores loading then a readable error, never rejects', async () => {
    const steps: Remote<number>[] = [];
    const failing = async (): Promise<number> => {
      throw Object.assign(new Error('Access denied!'), {
        code: 'ACCESS_DENIED',
        description: 'Access denied!',
      });
    };
    await expect(track(failing, (r) => steps.push(r))).resolves.toBeUndefined();
    expect(steps[1]).toEqual({
      status: 'error',
      error: { code: 'ACCESS_DENIED', description: 'Access denied!' },
    });
  });
});
