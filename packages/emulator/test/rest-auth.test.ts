import { describe, expect, it } from 'vitest';
import { harness } from './emulator-harness.js';

describe('REST authorization', () => {
  it('answers 401 NO_AUTH_FOUND without any auth', async () => {
    const { rest } = harness();
    const r = await rest('user.current');
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('NO_AUTH_FOUND');
    expect(r.body.time?.duration).toBeGreaterThanOrEqual(0);
  });

  it('answers 401 invalid_token for an unknown token', async () => {
    const { rest } = harness();
    const r = await rest('user.current', {}, 'ffffffffffffffffffffffffffffffff');
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_token');
  });

  it('answers 401 expired_token once the token expired', async () => {
    const { rest, token, runtime } = harness();
    const { access_token } = await token();
    const stored = runtime.state.tokens.find((t) => t.accessToken === access_token);
    Object.assign(stored ?? {}, { expires: Math.floor(Date.now() / 1000) - 1 });
    const r = await rest('user.current', {}, access_token);
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({
      error: 'expired_token',
      error_description: 'The access token provided has expired.',
    });
  });

  it('issues tokens with the TTL from the fault switch', async () => {
    const { api, token, rest } = harness();
    expect((await api('faults', { tokenTtlSeconds: 1 })).status).toBe(200);
    const { access_token } = await token();
    expect((await rest('profile', {}, access_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await rest('profile', {}, access_token)).body.error).toBe('expired_token');
  });

  it('accepts the token as auth parameter, in a GET query and as a Bearer header, with or without .json', async () => {
    const { rest, restGet, token } = harness();
    const { access_token } = await token(2);
    expect((await rest('user.current', {}, access_token)).body.result).toMatchObject({ ID: '2' });
    expect((await restGet(`/rest/user.current.json?auth=${access_token}`)).body.result).toMatchObject({
      ID: '2',
    });
    const bearer = await restGet('/rest/profile', { Authorization: `Bearer ${access_token}` });
    expect(bearer.body.result).toMatchObject({ ID: 2, ADMIN: false });
  });

  it('accepts the seeded webhook and refuses a wrong code', async () => {
    const { restGet, runtime } = harness();
    const hook = runtime.state.webhooks[0]!;
    const ok = await restGet(`/rest/${hook.userId}/${hook.code}/profile.json`);
    expect(ok.status).toBe(200);
    expect(ok.body.result).toMatchObject({ ID: 1, ADMIN: true });
    const bad = await restGet(`/rest/${hook.userId}/wrongcode/profile`);
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('INVALID_CREDENTIALS');
    const otherUser = await restGet(`/rest/2/${hook.code}/profile`);
    expect(otherUser.status).toBe(401);
  });

  it('answers 401 insufficient_scope when the token lacks the method scope', async () => {
    const { api, rest } = harness();
    const limited = (await api('token?userId=1&scope=user')).body as { access_token: string };
    expect((await rest('user.current', {}, limited.access_token)).status).toBe(200);
    const r = await rest('im.recent.list', {}, limited.access_token);
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('insufficient_scope');
  });

  it('answers 404 ERROR_METHOD_NOT_FOUND for unknown methods', async () => {
    const { rest, token } = harness();
    const { access_token } = await token();
    const r = await rest('no.such.method', {}, access_token);
    expect(r.status).toBe(404);
    expect(r.body.error).toBe('ERROR_METHOD_NOT_FOUND');
  });

  it('reads multipart bodies with bracket keys and refuses broken ones', async () => {
    const { app, token } = harness();
    const { access_token } = await token();
    const form = new FormData();
    form.append('auth', access_token);
    form.append('FILTER[ID]', '2');
    const ok = await app.request('/rest/user.get', { method: 'POST', body: form });
    expect(((await ok.json()) as { result: { ID: string }[] }).result.map((u) => u.ID)).toEqual(['2']);
    const broken = await app.request('/rest/user.get', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nbroken',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: 'INVALID_REQUEST' });
  });

  it('refuses a malformed JSON body with a clear error', async () => {
    const { app } = harness();
    const response = await app.request('/rest/profile', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"auth":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'INVALID_REQUEST' });
  });
});

describe('CORS', () => {
  it('answers preflight for local origins and echoes the origin', async () => {
    const { app } = harness();
    const pre = await app.request('/rest/profile', {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:5173');
    expect(pre.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
    const get = await app.request('/rest/profile', { headers: { Origin: 'http://localhost:4000' } });
    expect(get.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:4000');
  });

  it('gives no CORS headers to other origins', async () => {
    const { app } = harness();
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil:80',
    ]) {
      const pre = await app.request('/rest/profile', { method: 'OPTIONS', headers: { Origin: origin } });
      expect(pre.status).toBe(403);
      expect(pre.headers.get('Access-Control-Allow-Origin')).toBeNull();
      const get = await app.request('/rest/profile', { headers: { Origin: origin } });
      expect(get.headers.get('Access-Control-Allow-Origin')).toBeNull();
    }
  });
});
