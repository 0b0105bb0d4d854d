/**
 * The portal's counters (GET /emulator/api/stats, RunningEmulator.stats()): what the bench of issue #14
 * reads to prove "token refreshes per expiry" and "calls refused by the portal rate limit".
 */
import { describe, expect, it } from 'vitest';
import { harness } from './emulator-harness.js';

const client = {
  client_id: 'local.6650f1d2c5a4e1.00000001',
  client_secret: 'Rk4cZ8xYp2Qm7TnV9wL3sB6dH1jE5gA0uKoIiCfXyWzNqPbM',
};

describe('portal stats', () => {
  it('counts refresh exchanges answered ok and invalid_grant', async () => {
    const { app, api, token } = harness();
    const { refresh_token } = await token(1);
    const exchange = () =>
      app.request(
        `/oauth/token/?${new URLSearchParams({ grant_type: 'refresh_token', ...client, refresh_token })}`,
      );
    expect((await exchange()).status).toBe(200);
    expect((await exchange()).status).toBe(400);
    expect((await exchange()).status).toBe(400);
    expect((await api('stats')).body).toMatchObject({ oauthRefresh: { ok: 1, invalidGrant: 2 } });
  });

  it('counts 503 QUERY_LIMIT_EXCEEDED from the bucket and the fault switch, 429 OPERATION_TIME_LIMIT and expired_token', async () => {
    const { api, rest, token, runtime } = harness({ rateLimit: { perSecond: 0.001, burst: 2 } });
    const { access_token } = await token(1);
    expect((await rest('profile', {}, access_token)).status).toBe(200);
    expect((await rest('profile', {}, access_token)).status).toBe(200);
    expect((await rest('profile', {}, access_token)).body).toMatchObject({ error: 'QUERY_LIMIT_EXCEEDED' });
    runtime.rateLimiter?.clear();
    await api('faults', { fail503Count: 2, operatingMsPerCall: 500_000 });
    expect((await rest('profile', {}, access_token)).status).toBe(503);
    expect((await rest('profile', {}, access_token)).status).toBe(503);
    expect((await rest('profile', {}, access_token)).status).toBe(200); // 500 s now spent on profile
    runtime.rateLimiter?.clear();
    const refused = await rest('batch', { cmd: { a: 'profile', b: 'profile' } }, access_token);
    expect(refused.body).toMatchObject({
      result: {
        result_error: { a: { error: 'OPERATION_TIME_LIMIT' }, b: { error: 'OPERATION_TIME_LIMIT' } },
      },
    });
    // The token's expiry, set in the past instead of waiting for it.
    const stored = runtime.state.tokens.find((t) => t.accessToken === access_token)!;
    Object.assign(stored, { expires: 0 });
    expect((await rest('app.info', {}, access_token)).body).toMatchObject({ error: 'expired_token' });
    const stats = (await api('stats')).body;
    expect(stats).toEqual({
      oauthRefresh: { ok: 0, invalidGrant: 0 },
      rest: { queryLimitExceeded: 3, operationTimeLimit: 2, expiredToken: 1 },
      eventDeliveries: [],
    });
    await api('reset', {});
    expect((await api('stats')).body).toMatchObject({ rest: { queryLimitExceeded: 0, expiredToken: 0 } });
  });
});
