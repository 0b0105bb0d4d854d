/**
 * An installation of the app on one portal, as stored at `ONAPPINSTALL`: the portal's identity, the OAuth
 * tokens, the `application_token` later events are checked against, and the HASH generated for it (what
 * the legacy chat app registers with `imbot.app.register`).
 */
export interface Installation {
  /** `auth[member_id]`: the portal's unique id. */
  readonly memberId: string;
  /** `auth[domain]`: the portal's host name, with a port when not the default (`b24.example.com`). */
  readonly domain: string;
  /** The portal's origin with scheme, such as `https://b24.example.com`; the only frame ancestor allowed. */
  readonly portalOrigin: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** When the access token expires; null when the event did not say. */
  readonly accessExpiresAt: Date | null;
  readonly scope: string;
  /** `auth[application_token]`: authenticates later events (`ONAPPUNINSTALL`…). */
  readonly applicationToken: string;
  /** 32 lowercase hex characters, unique per installation: the legacy chat app's HASH. */
  readonly chatAppHash: string;
  readonly installedAt: Date;
}

/** Where installations live. PGlite (embedded) and PostgreSQL implement it over one schema. */
export interface InstallationStore {
  /** Inserts or replaces the installation of `memberId`. Throws `InstallationConflictError` when another portal holds the domain. */
  save(installation: Installation): Promise<void>;
  findByMemberId(memberId: string): Promise<Installation | null>;
  /** Looks an installation up by its `domain` (host name with optional port), exactly. */
  findByDomain(domain: string): Promise<Installation | null>;
  /** Deletes the installation of `memberId`; true when a row was deleted. */
  delete(memberId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Another installation already holds this domain. */
export class InstallationConflictError extends Error {
  constructor(readonly field: 'domain') {
    super(`installation: another portal is already installed with this ${field}`);
    this.name = 'InstallationConflictError';
  }
}
