/**
 * The `RestCaller` a job uses for one installation. Until the shared portal client (refresh once across
 * processes, rate budget) lands, this is the installer's Node client on the stored tokens, storing a
 * refreshed pair at the same epoch. Swapping means passing another `InstallationRestFactory`.
 */
import type { RestCaller } from '@imkit/frame';
import { createNodeRestClient } from '@imkit/installer/node';
import type { Installation, InstallationStore } from '../store/installation.js';

/** Gives the REST caller for an installation (its portal, its tokens). */
export type InstallationRestFactory = (installation: Installation) => RestCaller;

export interface InstallationRestOptions {
  readonly store: InstallationStore;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The OAuth token endpoint; its origin is the OAuth server. Default: the installer's default. */
  readonly tokenUrl?: string;
  /** Per request, in ms. Default 10000. */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export function installationRestFactory(options: InstallationRestOptions): InstallationRestFactory {
  const log = options.log ?? (() => undefined);
  return (installation) =>
    createNodeRestClient({
      portal: installation.portalOrigin,
      accessToken: installation.accessToken,
      refreshToken: installation.refreshToken,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      ...(options.tokenUrl === undefined ? {} : { oauthServer: new URL(options.tokenUrl).origin }),
      timeoutMs: options.timeoutMs ?? 10_000,
      onTokens: (tokens) => {
        options.store.update(installation.memberId, installation.epoch, tokens).then(
          (stored) => {
            if (!stored) log(`tokens not stored: member_id=${installation.memberId} (installation changed)`);
          },
          (error: unknown) =>
            log(`tokens not stored: member_id=${installation.memberId} ${(error as Error).name}`),
        );
      },
    });
}
