/**
 * The reference portal client of the scale part: what a backend without shared state does. Each call
 * reads the installation, posts with its token and, on `expired_token`, refreshes by itself (no lock: every
 * process and every call that saw the expiry races for the rotated refresh token), stores the pair it got
 * and repeats the call once. No rate budget: it calls as fast as its callers do.
 */
import type { Installation, InstallationStore, OAuthClient, OAuthGrant } from '@imkit/server';

export class NaivePortalError extends Error {
  override readonly name = 'NaivePortalError';
  constructor(readonly code: string) {
    super(`portal: ${code}`);
  }
}

export function naivePortalCall(
  store: InstallationStore,
  oauth: OAuthClient,
  timeoutMs = 10_000,
): (memberId: string, method: string, params: Readonly<Record<string, unknown>>) => Promise<unknown> {
  return async (memberId, method, params) => {
    const stored = await store.findByMemberId(memberId);
    if (stored === null) throw new NaivePortalError('UNKNOWN_INSTALLATION');
    let installation: Installation = stored;
    for (let attempt = 0; ; attempt++) {
      const answer = await fetch(new URL(`/rest/${method}.json`, installation.portalOrigin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...params, auth: installation.accessToken }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await answer.json().catch(() => ({}))) as Record<string, unknown>;
      if (answer.ok && 'result' in body) return body.result;
      const code = typeof body.error === 'string' ? body.error : `HTTP_${answer.status}`;
      if (code !== 'expired_token' || attempt > 0) throw new NaivePortalError(code);
      const grant: OAuthGrant = await oauth.refresh(installation.refreshToken).catch((error: unknown) => {
        throw new NaivePortalError(error instanceof Error ? error.name : 'REFRESH_FAILED');
      });
      const tokens = { accessToken: grant.accessToken, refreshToken: grant.refreshToken };
      await store.update(memberId, installation.epoch, tokens);
      installation = { ...installation, ...tokens };
    }
  };
}
