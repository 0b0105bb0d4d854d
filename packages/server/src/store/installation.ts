import type { SqlDriver } from './sql-driver.js';

/**
 * An installation of the app on one portal, as proven at `ONAPPINSTALL`: the portal's identity (confirmed
 * with the OAuth server, never taken from the event), the OAuth tokens, the `application_token` later
 * events are checked against, and the HASH generated for it (what the legacy chat app registers with
 * `imbot.app.register`).
 */
export interface Installation {
  /** The portal's unique id, as the OAuth server states it. */
  readonly memberId: string;
  /** The portal's host name, with a port when not the default (`b24.example.com`). */
  readonly domain: string;
  /** The portal's origin with scheme, such as `https://b24.example.com`; the only frame ancestor allowed. */
  readonly portalOrigin: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** When the access token expires; null when nobody said. */
  readonly accessExpiresAt: Date | null;
  readonly scope: string;
  /** `auth[application_token]`: authenticates later events (`ONAPPUNINSTALL`…). */
  readonly applicationToken: string;
  /** 32 lowercase hex characters, unique per installation: the legacy chat app's HASH. */
  readonly chatAppHash: string;
  /** When `chatAppHash` was generated; rotation replaces hashes older than its window. */
  readonly hashRotatedAt: Date;
  /** The chat apps (`imbot.app.register` ids) registered with `chatAppHash`, updated when it rotates. */
  readonly chatAppIds: readonly number[];
  /**
   * True once a placement launch of this installation carried `APPLICATION_TOKEN` (trust on first use):
   * from then on a launch without it is refused.
   */
  readonly launchTokenRequired: boolean;
  /**
   * True once the OAuth server refused the installation's refresh token (revoked, or used up elsewhere):
   * portal calls fail fast with NEEDS_REINSTALL until a proven reinstall stores new tokens.
   */
  readonly needsReinstall: boolean;
  /**
   * Bumped by every reinstall and every HASH rotation. Writes are conditional on it (compare-and-set), and
   * session tokens carry it, so a reinstall or a rotation voids every session issued before.
   */
  readonly epoch: number;
  readonly installedAt: Date;
}

/** What `insert` and `replace` write: `needsReinstall` defaults to false (a proven install has good tokens). */
export type InstallationInput = Omit<Installation, 'epoch' | 'needsReinstall'> & {
  readonly needsReinstall?: boolean;
};

/** What may change on an installation without a new epoch (token refresh, first-use flags). */
export type InstallationUpdate = Partial<
  Pick<
    Installation,
    'accessToken' | 'refreshToken' | 'accessExpiresAt' | 'scope' | 'launchTokenRequired' | 'chatAppIds'
  >
>;

/**
 * Where installations live. PGlite (embedded) and PostgreSQL implement it over one schema. Every write is
 * one conditional statement: of two racing writers exactly one wins, and the other is told (false/null).
 */
export interface InstallationStore {
  /**
   * Stores a first installation of `memberId` with epoch 1. Returns it, or null when `memberId` already has
   * one (nothing written). Throws `InstallationConflictError` when another portal holds the domain.
   */
  insert(installation: InstallationInput): Promise<Installation | null>;
  /**
   * Replaces the installation of `installation.memberId` when its epoch is still `expectedEpoch`; the stored
   * one gets epoch `expectedEpoch + 1`. Returns it, or null when the installation changed or went (nothing
   * written). Throws `InstallationConflictError` when another portal holds the domain.
   */
  replace(installation: InstallationInput, expectedEpoch: number): Promise<Installation | null>;
  /** Changes some fields when the epoch is still `expectedEpoch`; false when it changed (nothing written). */
  update(memberId: string, expectedEpoch: number, changes: InstallationUpdate): Promise<boolean>;
  findByMemberId(memberId: string): Promise<Installation | null>;
  /** Looks an installation up by its `domain` (host name with optional port), exactly. */
  findByDomain(domain: string): Promise<Installation | null>;
  /** Installations whose HASH was generated before `before`, oldest first, at most `limit`. */
  listHashesOlderThan(before: Date, limit: number): Promise<Installation[]>;
  /**
   * Deletes the installation of `memberId` when its epoch is still `expectedEpoch` (any epoch when omitted);
   * true when a row was deleted.
   */
  delete(memberId: string, expectedEpoch?: number): Promise<boolean>;
  /** The database the store lives in, for the server's other shared state (token refresh locks, rate budgets). */
  readonly sql: SqlDriver;
  close(): Promise<void>;
}

/** Another installation already holds this domain. */
export class InstallationConflictError extends Error {
  constructor(readonly field: 'domain') {
    super(`installation: another portal is already installed with this ${field}`);
    this.name = 'InstallationConflictError';
  }
}

/** A second process tried to open an embedded store folder that a live process holds. */
export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    super(
      `store: ${dataDir} is in use by another process${holderPid === null ? '' : ` (pid ${holderPid})`}. ` +
        'The embedded store serves one process; stop the other one, give this one its own IMKIT_STORE, ' +
        'or use PostgreSQL (DATABASE_URL) for several processes.',
    );
    this.name = 'StoreLockedError';
  }
}
