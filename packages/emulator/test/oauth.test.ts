import { describe, expect, it } from 'vitest';
import { harness } from './emulator-harness.js';

describe('/oauth/token/', () => {
  it('exchanges a refresh token once for a new pair, like the OAuth server', async () => {
    const { app, api, rest } = harness();
    const token = (await api('token?userId=2')).body as Record<string, string>;
    const query = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: token.client_id!,
      client_secret: token.client_secret!,
      refresh_token: token.refresh_token!,
    });
    const response = await app.request(`/oauth/token/?${query}`);
    expect(response.status).toBe(200);
    const pair = (await response.json()) as Record<string, unknown>;
    expect(pair).toMatchObject({
      expires_in: 3600,
      member_id: token.member_id,
      domain: '127.0.0.1:3000',
      user_id: 2,
      client_endpoint: 'http://127.0.0.1:3000/rest/',
      scope: 'placement,im,imopenlines,imbot,user,app',
    });
    expect(pair.access_token).toMatch(/^[0-9a-f]{32}$/);
    expect(pair.refresh_token).not.toBe(token.refresh_token);
    expect((await rest('profile', {}, pair.access_token as string)).body.result).toMatchObject({ ID: 2 });
    const reused = await app.request(`/oauth/token/?${query}`);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses wrong client credentials and other grant types', async () => {
    const { app, api } = harness();
    const token = (await api('token')).body as Record<string, string>;
    const wrong = await app.request(
      `/oauth/token?grant_type=refresh_token&client_id=${token.client_id}&client_secret=nope&refresh_token=${token.refresh_token}`,
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await app.request('/oauth/token/?grant_type=password');
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});
