import { describe, expect, it } from 'vitest';
import type { InstallClaim } from '../src/install-confirmation.js';
import { confirmInstallWithPortal } from '../src/portal-confirmation.js';
import { appInfoAnswer, type PortalBehaviour, restError, scriptedPortal } from './scripted-portal.js';
import { portal } from './server-fixture.js';

const claim: InstallClaim = {
  memberId: portal.memberId,
  domain: portal.domain,
  portalOrigin: portal.origin,
  accessToken: portal.accessToken,
};

function confirmWith(behaviour: PortalBehaviour, options: { clientId?: string; timeoutMs?: number } = {}) {
  const scripted = scriptedPortal(() => behaviour);
  const confirm = confirmInstallWithPortal({ ...options, fetch: scripted.fetch });
  return { outcome: confirm(claim, new AbortController().signal), requests: scripted.requests };
}

describe('confirmInstallWithPortal', () => {
  it('confirms when the claimed portal accepts the token, asking only that portal, without redirects', async () => {
    const { outcome, requests } = confirmWith(appInfoAnswer());
    expect(await outcome).toEqual({ confirmed: true });
    expect(requests).toEqual([
      {
        url: `${portal.origin}/rest/app.info.json`,
        method: 'POST',
        redirect: 'manual',
        auth: portal.accessToken,
      },
    ]);
  });

  it.each([
    [
      '401 invalid_token',
      restError(401, 'invalid_token', 'The access token provided is invalid.'),
      'invalid_token',
    ],
    ['401 expired_token', restError(401, 'expired_token'), 'expired_token'],
    ['an error with HTTP 200', restError(200, 'NO_AUTH_FOUND'), 'NO_AUTH_FOUND'],
    ['400 ACCESS_DENIED', restError(400, 'ACCESS_DENIED'), 'ACCESS_DENIED'],
  ])('answers TOKEN_REJECTED for %s', async (_, behaviour, detail) => {
    expect(await confirmWith(behaviour).outcome).toEqual({
      confirmed: false,
      reason: 'TOKEN_REJECTED',
      detail,
    });
  });

  it('never echoes an odd error code from the portal', async () => {
    const { outcome } = confirmWith(restError(401, '<script>alert(1)</script>'));
    expect(await outcome).toEqual({ confirmed: false, reason: 'TOKEN_REJECTED', detail: 'error' });
  });

  it('confirms a member_id the portal states only when it equals the event one', async () => {
    expect(await confirmWith(appInfoAnswer({ member_id: portal.memberId })).outcome).toEqual({
      confirmed: true,
    });
    expect(await confirmWith(appInfoAnswer({ member_id: 'another-member' })).outcome).toEqual({
      confirmed: false,
      reason: 'MEMBER_MISMATCH',
    });
    expect((await confirmWith(appInfoAnswer({ MEMBER_ID: `${portal.memberId}0` })).outcome).confirmed).toBe(
      false,
    );
  });

  it('with a clientId, requires the app to be this one: client_id when stated, else CODE', async () => {
    const clientId = 'local.6650f1d2c5a4e1.00000001';
    const mismatch = { confirmed: false, reason: 'CLIENT_MISMATCH' };
    expect(await confirmWith(appInfoAnswer(), { clientId }).outcome).toEqual({ confirmed: true });
    expect(
      await confirmWith(appInfoAnswer({ client_id: clientId, CODE: 'x' }), { clientId }).outcome,
    ).toEqual({
      confirmed: true,
    });
    expect(await confirmWith(appInfoAnswer({ client_id: 'local.other' }), { clientId }).outcome).toEqual(
      mismatch,
    );
    expect(await confirmWith(appInfoAnswer({ CODE: 'vendor.other' }), { clientId }).outcome).toEqual(
      mismatch,
    );
    expect(await confirmWith(appInfoAnswer({ CODE: null }), { clientId }).outcome).toEqual(mismatch);
  });

  it('does not follow a redirect, even one carrying a good answer', async () => {
    const redirect = {
      ...appInfoAnswer(),
      status: 302,
      headers: { Location: 'https://evil.example/rest/app.info.json' },
    };
    const { outcome, requests } = confirmWith(redirect as PortalBehaviour);
    expect(await outcome).toMatchObject({
      confirmed: false,
      reason: 'NOT_A_PORTAL_ANSWER',
      detail: 'redirect 302',
    });
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['an HTML page', { kind: 'answer', status: 200, body: '<html>hello</html>', headers: {} }],
    ['JSON without result', { kind: 'answer', status: 200, body: '{}' }],
    ['a result that is not an object', { kind: 'answer', status: 200, body: '{"result":true}' }],
    ['a 404 page', { kind: 'answer', status: 404, body: 'Not Found', headers: {} }],
    ['an answer over 64 KB', appInfoAnswer({ PAD: 'x'.repeat(70 * 1024) })],
  ] as [string, PortalBehaviour][])('answers NOT_A_PORTAL_ANSWER for %s', async (_, behaviour) => {
    expect(await confirmWith(behaviour).outcome).toMatchObject({
      confirmed: false,
      reason: 'NOT_A_PORTAL_ANSWER',
    });
  });

  it.each([
    ['503 QUERY_LIMIT_EXCEEDED', restError(503, 'QUERY_LIMIT_EXCEEDED')],
    ['500 with an HTML page', { kind: 'answer', status: 500, body: 'oops', headers: {} }],
    ['no connection', { kind: 'unreachable' }],
  ] as [string, PortalBehaviour][])(
    'answers PORTAL_UNAVAILABLE for %s, once (no retries)',
    async (_, behaviour) => {
      const { outcome, requests } = confirmWith(behaviour);
      expect(await outcome).toMatchObject({ confirmed: false, reason: 'PORTAL_UNAVAILABLE' });
      expect(requests).toHaveLength(1);
    },
  );

  it('answers PORTAL_TIMEOUT when the portal does not answer in time', async () => {
    const started = Date.now();
    expect(await confirmWith({ kind: 'hang' }, { timeoutMs: 50 }).outcome).toEqual({
      confirmed: false,
      reason: 'PORTAL_TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops waiting when the caller aborts', async () => {
    const scripted = scriptedPortal(() => ({ kind: 'hang' }));
    const abort = new AbortController();
    const outcome = confirmInstallWithPortal({ fetch: scripted.fetch, timeoutMs: 30_000 })(
      claim,
      abort.signal,
    );
    setTimeout(() => abort.abort(), 20);
    expect((await outcome).confirmed).toBe(false);
  });
});
