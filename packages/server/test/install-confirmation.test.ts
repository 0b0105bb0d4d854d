import { describe, expect, it } from 'vitest';
import {
  boundedInstallConfirmation,
  type InstallClaim,
  type InstallConfirmation,
  type InstallConfirmer,
} from '../src/install-confirmation.js';
import type { OAuthGrant } from '../src/oauth-client.js';
import { Refusal } from '../src/refusal.js';
import { portal } from './server-fixture.js';

const claim: InstallClaim = {
  memberId: portal.memberId,
  domain: portal.domain,
  portalOrigin: portal.origin,
  refreshToken: 'refresh-token',
};
const grant: OAuthGrant = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresIn: 3600,
  scope: '',
  memberId: portal.memberId,
  domain: portal.domain,
  portalOrigin: portal.origin,
};
const log = () => undefined;
const limits = { timeoutMs: 50, maxInFlight: 2, maxUnprovenPerMinute: 1000, log };

async function refusalOf(run: Promise<unknown>): Promise<Refusal> {
  const error = await run.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Refusal)) throw new Error(`expected a Refusal, got ${String(error)}`);
  return error;
}

describe('boundedInstallConfirmation', () => {
  it('resolves for a confirmed claim and passes the claim through', async () => {
    const seen: InstallClaim[] = [];
    const confirm = boundedInstallConfirmation(async (received) => {
      seen.push(received);
      return { confirmed: true, grant };
    }, limits);
    await expect(confirm(claim)).resolves.toEqual(grant);
    expect(seen).toEqual([claim]);
  });

  it.each([
    ['GRANT_REJECTED', 403, 'INSTALL_NOT_PROVEN'],
    ['IDENTITY_MISMATCH', 403, 'INSTALL_NOT_PROVEN'],
    ['CLIENT_REJECTED', 503, 'OAUTH_UNAVAILABLE'],
    ['NOT_AN_OAUTH_ANSWER', 503, 'OAUTH_UNAVAILABLE'],
    ['OAUTH_UNAVAILABLE', 503, 'OAUTH_UNAVAILABLE'],
    ['OAUTH_TIMEOUT', 504, 'OAUTH_TIMEOUT'],
  ] as const)('refuses %s with %i %s, telling nothing more', async (reason, status, code) => {
    const confirm = boundedInstallConfirmation(
      async () => ({ confirmed: false, reason, detail: 'why' }),
      limits,
    );
    const refusal = await refusalOf(confirm(claim));
    expect(refusal).toMatchObject({ status, code });
    expect(refusal.message).not.toContain('why');
    expect(refusal.message).toContain('nothing was stored');
  });

  it('answers 504 when a confirmer hangs, and aborts its signal', async () => {
    let aborted = false;
    const hanging: InstallConfirmer = (_, signal) =>
      new Promise<InstallConfirmation>(() => {
        signal.addEventListener('abort', () => {
          aborted = true;
        });
      });
    const refusal = await refusalOf(boundedInstallConfirmation(hanging, limits)(claim));
    expect(refusal.status).toBe(504);
    expect(aborted).toBe(true);
  });

  it('answers 503 when a confirmer throws', async () => {
    const throwing: InstallConfirmer = async () => {
      throw new Error('boom');
    };
    expect((await refusalOf(boundedInstallConfirmation(throwing, limits)(claim))).status).toBe(503);
  });

  it('answers 503 CONFIRMATIONS_BUSY beyond maxInFlight, and frees the slots afterwards', async () => {
    const release: (() => void)[] = [];
    const slow: InstallConfirmer = () =>
      new Promise((resolve) => release.push(() => resolve({ confirmed: true, grant })));
    const confirm = boundedInstallConfirmation(slow, { ...limits, timeoutMs: 5000 });
    const first = confirm(claim);
    const second = confirm(claim);
    expect(await refusalOf(confirm(claim))).toMatchObject({ status: 503, code: 'CONFIRMATIONS_BUSY' });
    for (const wake of release) wake();
    await Promise.all([first, second]);
    const third = confirm(claim);
    release[2]?.();
    await expect(third).resolves.toEqual(grant);
  });
});
