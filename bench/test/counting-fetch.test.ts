import { describe, expect, it } from 'vitest';
import { countingFetch } from '../src/install/counting-fetch.js';

function delayedFetch(ms: number): typeof fetch {
  return (() => new Promise((resolve) => setTimeout(() => resolve(new Response('{}')), ms))) as typeof fetch;
}

describe('countingFetch', () => {
  it('counts sequential requests as one round trip each', async () => {
    const wire = countingFetch(delayedFetch(1));
    await wire.fetch('http://127.0.0.1:1/a');
    await wire.fetch('http://127.0.0.1:1/b');
    expect(wire.count()).toEqual({ requests: 2, roundTrips: 2 });
  });

  it('counts parallel requests as one round trip, and resets', async () => {
    const wire = countingFetch(delayedFetch(5));
    await Promise.all([wire.fetch('http://127.0.0.1:1/a'), wire.fetch('http://127.0.0.1:1/b')]);
    expect(wire.count()).toEqual({ requests: 2, roundTrips: 1 });
    wire.reset();
    expect(wire.count()).toEqual({ requests: 0, roundTrips: 0 });
  });

  it('counts a failed request and passes its error on', async () => {
    const wire = countingFetch((() => Promise.reject(new TypeError('refused'))) as typeof fetch);
    await expect(wire.fetch('http://127.0.0.1:1/a')).rejects.toThrow('refused');
    await wire.fetch('http://127.0.0.1:1/b').catch(() => {});
    expect(wire.count()).toEqual({ requests: 2, roundTrips: 2 });
  });
});
