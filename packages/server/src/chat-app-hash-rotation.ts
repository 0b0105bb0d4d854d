/**
 * The legacy chat app's HASH never expires on its own, so a leaked launch URL would mint sessions forever.
 * Rotation bounds that: `rotateChatAppHashes` gives every installation whose HASH is older than the window a
 * new one, tells the portal with `imbot.app.update` for each chat app registered with it, and stores it at
 * a new epoch (compare-and-set), which voids every session issued before. `registerChatApp` is how the
 * server learns which chat apps to update.
 */
import { RestError } from '@imkit/frame';
import { generateChatAppHash } from './install-events.js';
import type { PortalClients } from './portal/portal-clients.js';
import type { InstallationStore } from './store/installation.js';

/** What registering and rotating need: the store and the portal clients over it. */
export interface ChatAppPortals {
  readonly store: InstallationStore;
  readonly portals: PortalClients;
}

/**
 * Registers a legacy chat app (`imbot.app.register`) with the installation's HASH and records its id, so
 * that rotation updates it. `fields` are the method's own (BOT_ID, CODE, IFRAME…), without HASH.
 */
export async function registerChatApp(
  memberId: string,
  fields: Readonly<Record<string, unknown>>,
  context: ChatAppPortals,
): Promise<number> {
  const method = 'imbot.app.register';
  const installation = await context.store.findByMemberId(memberId);
  if (installation === null) {
    throw new RestError({ code: 'UNKNOWN_INSTALLATION', description: '', status: 0, method });
  }
  const appId = await context.portals
    .portal(memberId)
    .call(method, { ...fields, HASH: installation.chatAppHash });
  if (typeof appId !== 'number' || !Number.isSafeInteger(appId)) {
    throw new RestError({
      code: 'BAD_RESPONSE',
      description: 'the answer is not an app id',
      status: 200,
      method,
    });
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
  options: ChatAppPortals & {
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
        await options.portals
          .portal(installation.memberId)
          .call('imbot.app.update', { APP_ID: appId, FIELDS: { HASH: hash } });
      }
      const current = (await options.store.findByMemberId(installation.memberId)) ?? installation;
      const stored = await options.store.replace(
        { ...current, chatAppHash: hash, hashRotatedAt: now },
        current.epoch,
      );
      if (stored === null) {
        throw new RestError({ code: 'INSTALL_CONFLICT', description: '', status: 0, method: 'store' });
      }
      rotated.push(installation.memberId);
      log(
        `hash rotated: member_id=${installation.memberId} chat apps=${installation.chatAppIds.length} epoch=${stored.epoch}`,
      );
    } catch (error) {
      const code = error instanceof RestError ? error.code : error instanceof Error ? error.name : 'ERROR';
      failed.push({ memberId: installation.memberId, code });
      log(`hash rotation failed: member_id=${installation.memberId} ${code}`);
    }
  }
  return { rotated, failed };
}
