import { describe, expect, it } from 'vitest';
import { LeakyBucket } from '../src/rest/leaky-bucket.js';
import { harness } from './emulator-harness.js';

describe('LeakyBucket', () => {
  it('lets a burst through, refuses the next, and drains at perSecond', () => {
    let now = 0;
    const bucket = new LeakyBucket({ perSecond: 2, burst: 50 }, () => now);
    for (let i = 0; i < 50; i++) expect(bucket.take('a')).toBe(true);
    expect(bucket.take('a')).toBe(false);
    expect(bucket.take('b')).toBe(true);
    now += 400;
    expect(bucket.take('a')).toBe(false);
    now += 100;
    expect(bucket.take('a')).toBe(true);
    expect(bucket.take('a')).toBe(false);
  });

  it('rejects nonsense limits', () => {
    expect(() => new LeakyBucket({ perSecond: 0, burst: 5 })).toThrow(RangeError);
  });
});

describe('rate limit and forced 503s over REST', () => {
  it('answers 503 QUERY_LIMIT_EXCEEDED past the burst, per user', async () => {
    const { rest, token } = harness({ rateLimit: { perSecond: 1, burst: 3 } });
    const admin = (await token(1)).access_token;
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await rest('profile', {}, admin)).status);
    expect(codes).toEqual([200, 200, 200, 503]);
    const limited = await rest('profile', {}, admin);
    expect(limited.body).toMatchObject({
      error: 'QUERY_LIMIT_EXCEEDED',
      error_description: 'Too many requests',
    });
    expect((await rest('profile', {}, (await token(2)).access_token)).status).toBe(200);
  });

  it('is off with rateLimit: false', async () => {
    const { rest, token } = harness({ rateLimit: false });
    const auth = (await token()).access_token;
    for (let i = 0; i < 60; i++) expect((await rest('profile', {}, auth)).status).toBe(200);
  });

  it('forces the next N calls to 503 and adds latency', async () => {
    const { rest, token, api } = harness();
    const auth = (await token()).access_token;
    expect((await api('faults', { fail503Count: 2, latencyMs: 50 })).body).toMatchObject({ fail503Count: 2 });
    const started = Date.now();
    expect((await rest('profile', {}, auth)).status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect((await rest('profile', {}, auth)).status).toBe(503);
    expect((await rest('profile', {}, auth)).status).toBe(200);
  });

  it('refuses bad fault values naming the field', async () => {
    const { api } = harness();
    const r = await api('faults', { latencyMs: -5 });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('latencyMs');
    expect((await api('faults', { nope: 1 })).body.field).toBe('nope');
  });
});
