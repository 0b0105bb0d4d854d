import { describe, expect, it } from 'vitest';
import { LeakyBucket } from '../src/portal/leaky-bucket.js';
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
  // bitrix24/b24restdocs limits.md: one bucket per portal and source IP, "shared among all applications".
  it('answers 503 QUERY_LIMIT_EXCEEDED past the burst, one bucket for every caller from one address', async () => {
    // Drains one drop in 1000 s, so a slow machine cannot let a fourth call through.
    const limits = { rateLimit: { perSecond: 0.001, burst: 3 } };
    const { rest, token, restGet, runtime } = harness(limits, '10.0.0.7');
    const admin = (await token(1)).access_token;
    const other = (await token(2)).access_token;
    const hook = runtime.state.webhooks[0]!;
    const codes = [
      (await rest('profile', {}, admin)).status,
      (await rest('profile', {}, other)).status,
      (await restGet(`/rest/${hook.userId}/${hook.code}/profile`)).status,
      (await rest('profile', {}, other)).status,
    ];
    expect(codes).toEqual([200, 200, 200, 503]);
    const limited = await rest('profile', {}, admin);
    expect(limited.body).toMatchObject({
      error: 'QUERY_LIMIT_EXCEEDED',
      error_description: 'Too many requests',
    });
  });

  it('keeps another address’s bucket apart', async () => {
    const { app, runtime, requestFrom } = harness({ rateLimit: { perSecond: 0.001, burst: 1 } }, '10.0.0.7');
    const hook = runtime.state.webhooks[0]!;
    const path = `/rest/${hook.userId}/${hook.code}/profile`;
    expect((await app.request(path)).status).toBe(200);
    expect((await app.request(path)).status).toBe(503);
    expect((await requestFrom('10.0.0.8', path)).status).toBe(200);
    expect((await requestFrom('10.0.0.8', path)).status).toBe(503);
  });

  it('is on by default with the host’s 50 / 2 per second', async () => {
    const { rest, token } = harness();
    const auth = (await token()).access_token;
    const started = Date.now();
    let passed = 0;
    let refused: Record<string, unknown> | null = null;
    for (let i = 0; i < 500 && refused === null; i++) {
      const answer = await rest('profile', {}, auth);
      if (answer.status === 200) passed++;
      else refused = answer.body;
    }
    expect(refused).toMatchObject({ error: 'QUERY_LIMIT_EXCEEDED' });
    // 50 at once, plus whatever drained at 2 a second while the loop ran (more on a slow machine).
    const drained = Math.ceil(((Date.now() - started) / 1000) * 2);
    expect(passed).toBeGreaterThanOrEqual(50);
    expect(passed).toBeLessThanOrEqual(50 + drained);
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
