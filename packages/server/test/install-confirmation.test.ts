import { describe, expect, it } from 'vitest';
import {
  boundedInstallConfirmation,
  type InstallClaim,
  type InstallConfirmation,
  type InstallConfirmer,
} from '../src/install-confirmation.js';
import { Refusal } from '../src/refusal.js';
import { portal } from './server-fixture.js';

const claim: InstallClaim = {
  memberId: portal.memberId,
  domain: portal.domain,
  portalOrigin: portal.origin,
  accessToken: portal.accessToken,
};
const limits = { timeoutMs: 50, maxInFlight: 2 };

async function refusalOf(run: Promise<void>): Promise<Refusal> {
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
      return { confirmed: true };
    }, limits);
    await expect(confirm(claim)).resolves.toBeUndefined();
    expect(seen).toEqual([claim]);
  });

  it.each([
    ['TOKEN_REJECTED', 403, 'auth[access_token]'],
    ['MEMBER_MISMATCH', 403, 'auth[member_id]'],
    ['CLIENT_MISMATCH', 403, 'auth[access_token]'],
    ['NOT_A_PORTAL_ANSWER', 403, 'auth[domain]'],
    ['PORTAL_UNAVAILABLE', 503, 'auth[domain]'],
    ['PORTAL_TIMEOUT', 504, 'auth[domain]'],
  ] as const)('refuses %s with %i naming %s', async (reason, status, field) => {
    const confirm = boundedInstallConfirmation(
      async () => ({ confirmed: false, reason, detail: 'why' }),
      limits,
    );
    const refusal = await refusalOf(confirm(claim));
    expect(refusal).toMatchObject({ status, code: reason, field });
    expect(refusal.message).toContain('(why)');
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
      new Promise((resolve) => release.push(() => resolve({ confirmed: true })));
    const confirm = boundedInstallConfirmation(slow, { timeoutMs: 5000, maxInFlight: 2 });
    const first = confirm(claim);
    const second = confirm(claim);
    expect(await refusalOf(confirm(claim))).toMatchObject({ status: 503, code: 'CONFIRMATIONS_BUSY' });
    for (const wake of release) wake();
    await Promise.all([first, second]);
    const third = confirm(claim);
    release[2]?.();
    await expect(third).resolves.toBeUndefined();
  });
});
