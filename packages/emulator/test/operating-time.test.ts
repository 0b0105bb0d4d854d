/**
 * The host's resource limit. bitrix24/b24restdocs limits.md ("Resource Consumption Limits"): one method's
 * execution time summed over 10 minutes; past 480 s that method is blocked for all apps and webhooks of the
 * portal, the others go on; `time.operating` and `time.operating_reset_at` report it. HOST-PROTOCOL.md §4:
 * 429 OPERATION_TIME_LIMIT.
 */
import { describe, expect, it } from 'vitest';
import { OperatingClock } from '../src/portal/operating-time.js';
import { harness } from './emulator-harness.js';

describe('OperatingClock', () => {
  it('sums one method over a sliding 10 minutes and blocks it past 480 s', () => {
    let now = 1_700_000_000_000;
    const clock = new OperatingClock(undefined, () => now);
    expect(clock.record('user.get', 300)).toEqual({ operating: 300, operatingResetAt: 1_700_000_600 });
    now += 60_000;
    expect(clock.record('USER.GET', 200).operating).toBe(500);
    expect(() => clock.check('user.get')).toThrow('Method is blocked due to operation time limit.');
    expect(() => clock.check('profile')).not.toThrow();
    now += 541_000; // the first 300 s left the window
    expect(clock.usage('user.get')).toEqual({ operating: 200, operatingResetAt: 1_700_000_660 });
    expect(() => clock.check('user.get')).not.toThrow();
  });
});

describe('OPERATION_TIME_LIMIT over REST', () => {
  it('answers 429 for the exhausted method only, for every caller, and reports operating', async () => {
    const { rest, token, restGet, runtime, api } = harness();
    await api('faults', { operatingMsPerCall: 200_000 });
    const admin = (await token(1)).access_token;
    const first = await rest('user.current', {}, admin);
    expect(first.body.time?.operating).toBeGreaterThanOrEqual(200);
    expect(first.body.time?.operating_reset_at).toBeGreaterThan(Date.now() / 1000);
    await rest('user.current', {}, admin);
    const third = await rest('user.current', {}, admin);
    expect(third.status).toBe(200);
    expect(third.body.time?.operating).toBeGreaterThan(480);
    const refused = await rest('user.current', {}, (await token(2)).access_token);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'OPERATION_TIME_LIMIT' });
    const hook = runtime.state.webhooks[0]!;
    expect((await restGet(`/rest/${hook.userId}/${hook.code}/user.current`)).status).toBe(429);
    expect((await rest('profile', {}, admin)).status).toBe(200);
    // Inside a batch the command fails alike; a reset clears the clock.
    const batch = await rest('batch', { cmd: { me: 'user.current', p: 'profile' } }, admin);
    expect((batch.body.result as { result_error: Record<string, unknown> }).result_error.me).toMatchObject({
      error: 'OPERATION_TIME_LIMIT',
    });
    await api('reset', {});
    expect((await rest('user.current', {}, (await token(1)).access_token)).status).toBe(200);
  });
});
