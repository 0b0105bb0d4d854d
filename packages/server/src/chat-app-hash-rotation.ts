/**
 * The legacy chat app's HASH never expires on its own, so a leaked launch URL would mint sessions forever.
 * Rotation bounds that: `rotateChatAppHashes` gives every installation whose HASH is older than the window a
 * new one, tells the portal with `imbot.app.update` for each chat app registered with it, and stores it at
 * a new epoch (compare-and-set), which voids every session issued before. `registerChatApp` is how the
 * server learns which chat apps to update.
 */
import { generateChatAppHash } from './install-events.js';
import type { OAuthClient } from './oauth-client.js';
import { type OutboundPolicy, outboundRequest } from './outbound.js';
import type { Installation, InstallationStore } from './store/installation.js';

export class PortalCallError extends Error {
  constructor(
    readonly code: string,
    readonly method: string,
  ) {
    super(`portal: ${method} failed: ${code}`);
    this.name = 'PortalCallError';
  }
}

export interface PortalCallContext {
  readonly store: InstallationStore;
  readonly oauth: OAuthClient;
  readonly production: boolean;
  /** Per request, in ms. Default 10000. */
  readonly timeoutMs?: number;
}

async function post(
  installation: Installation,
  method: string,
  params: Readonly<Record<string, unknown>>,
  context: PortalCallContext,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const policy: OutboundPolicy = { production: context.production };
  const answer = await outboundRequest(
    new URL(`/rest/${method}.json`, installation.portalOrigin),
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...params, auth: installation.accessToken }),
      timeoutMs: context.timeoutMs ?? 10_000,
      maxBytes: 1024 * 1024,
    },
    policy,
  );
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new PortalCallError(`HTTP_${answer.status}`, method);
  }
  if (typeof body !== 'object' || body === null) throw new PortalCallError(`HTTP_${answer.status}`, method);
  return { status: answer.status, body: body as Record<string, unknown> };
}

/**
 * Calls a REST method of an installation's portal with its stored token. On `expired_token` the token is
 * refreshed once through the OAuth server and the new pair stored at the same epoch before the call is
 * repeated. Returns `result`; throws `PortalCallError` with the portal's error code.
 */
export async function callPortal(
  memberId: string,
  method: string,
  params: Readonly<Record<string, unknown>>,
  context: PortalCallContext,
): Promise<unknown> {
  let installation = await context.store.findByMemberId(memberId);
  if (installation === null) throw new PortalCallError('UNKNOWN_INSTALLATION', method);
  for (let attempt = 0; ; attempt += 1) {
    const { body } = await post(installation, method, params, context);
    const error = typeof body.error === 'string' ? body.error : null;
    if (error === null && 'result' in body) return body.result;
    if (error === 'expired_token' && attempt === 0) {
      const grant = await context.oauth.refresh(installation.refreshToken);
      const changes = {
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        accessExpiresAt: grant.expiresIn === null ? null : new Date(Date.now() + grant.expiresIn * 1000),
      };
      await context.store.update(installation.memberId, installation.epoch, changes);
      installation = { ...installation, ...changes };
      continue;
    }
    throw new PortalCallError(
      error !== null && /^[A-Za-z0-9_]{1,64}$/.test(error) ? error : 'NOT_A_REST_ANSWER',
      method,
    );
  }
}

/**
 * Registers a legacy chat app (`imbot.app.register`) with the installation's HASH and records its id, so
 * that rotation updates it. `fields` are the method's own (BOT_ID, CODE, IFRAME…), without HASH.
 */
export async function registerChatApp(
  memberId: string,
  fields: Readonly<Record<string, unknown>>,
  context: PortalCallContext,
): Promise<number> {
  const installation = await context.store.findByMemberId(memberId);
  if (installation === null) throw new PortalCallError('UNKNOWN_INSTALLATION', 'imbot.app.register');
  const appId = await callPortal(
    memberId,
    'imbot.app.register',
    { ...fields, HASH: installation.chatAppHash },
    context,
  );
  if (typeof appId !== 'number' || !Number.isSafeInteger(appId)) {
    throw new PortalCallError('NOT_A_REST_ANSWER', 'imbot.app.register');
  }
  const current = (await context.store.findByMemberId(memberId)) ?? installation;
  const ids = current.chatAppIds.includes(appId) ? current.chatAppIds : [...current.chatAppIds, appId];
  await context.store.update(memberId, current.epoch, { chatAppIds: ids });
  return appId;
}

export interface RotationReport {
  readonly rotated: string[];
  readonly failed: { readonly memberId: string; readonly code: string }[];
}

/**
 * Rotates the HASH of every installation whose HASH is older than `olderThanSeconds` (at most `limit`):
 * the portal first (`imbot.app.update` for each recorded chat app), then the store at a new epoch. An
 * installation whose portal call fails keeps its HASH and is reported; it is tried again next run.
 */
export async function rotateChatAppHashes(
  options: PortalCallContext & {
    readonly olderThanSeconds: number;
    readonly limit?: number;
    readonly log?: (line: string) => void;
    readonly now?: Date;
  },
): Promise<RotationReport> {
  if (!Number.isSafeInteger(options.olderThanSeconds) || options.olderThanSeconds < 0) {
    throw new RangeError('rotation: olderThanSeconds must be a non-negative integer');
  }
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.olderThanSeconds * 1000);
  const due = await options.store.listHashesOlderThan(cutoff, options.limit ?? 1000);
  const log = options.log ?? (() => undefined);
  const rotated: string[] = [];
  const failed: { memberId: string; code: string }[] = [];
  for (const installation of due) {
    const hash = generateChatAppHash();
    try {
      for (const appId of installation.chatAppIds) {
        await callPortal(
          installation.memberId,
          'imbot.app.update',
          { APP_ID: appId, FIELDS: { HASH: hash } },
          options,
        );
      }
      const current = (await options.store.findByMemberId(installation.memberId)) ?? installation;
      const stored = await options.store.replace(
        { ...current, chatAppHash: hash, hashRotatedAt: now },
        current.epoch,
      );
      if (stored === null) throw new PortalCallError('INSTALL_CONFLICT', 'store');
      rotated.push(installation.memberId);
      log(
        `hash rotated: member_id=${installation.memberId} chat apps=${installation.chatAppIds.length} epoch=${stored.epoch}`,
      );
    } catch (error) {
      const code =
        error instanceof PortalCallError ? error.code : error instanceof Error ? error.name : 'ERROR';
      failed.push({ memberId: installation.memberId, code });
      log(`hash rotation failed: member_id=${installation.memberId} ${code}`);
    }
  }
  return { rotated, failed };
}
