/** Validation of `createServer`'s options: a bad value fails at creation, naming the option. */
import type { AppSource } from './app-mounts.js';
import type { InstallConfirmer } from './install-confirmation.js';
import type { InstallJobs } from './jobs/install-jobs.js';
import type { OAuthClientOptions } from './oauth-client.js';
import { maxSessionSeconds } from './session-token.js';
import type { InstallationStore } from './store/installation.js';

/** `createServer`'s options. */
export interface ServerOptions {
  readonly store: InstallationStore;
  /** A folder of apps: every `<name>/dist/index.html` is served at `<name>/`. */
  readonly appsDir?: string;
  /** Or an explicit map of handler path → built folder (`{ 'im-sidebar/': '/srv/im-sidebar/dist' }`). */
  readonly apps?: Readonly<Record<string, AppSource>>;
  /** Signs session tokens (≥ 32 bytes). Required in production; a random one per process otherwise. */
  readonly sessionSecret?: string;
  /** Production mode: a session secret is required and portals must use https. */
  readonly production?: boolean;
  /** The path the handler base URL maps to, such as `/` or `/chat-apps/`. */
  readonly basePath?: string;
  /** Session lifetime in seconds, at most 900 (15 minutes). */
  readonly sessionTtlSeconds?: number;
  /** Largest accepted request body in bytes; larger is 413. Default 64 KB. */
  readonly bodyLimitBytes?: number;
  /**
   * `frame-ancestors` of the install page, which the portal opens before ONAPPINSTALL (so no installation
   * can vouch for its origin yet). Default `https:`, plus http loopback outside production.
   */
  readonly installFrameAncestors?: readonly string[];
  /**
   * The app's OAuth credentials (`IMKIT_CLIENT_ID`, `IMKIT_CLIENT_SECRET`, `IMKIT_OAUTH_URL`). Every
   * ONAPPINSTALL is proven by exchanging its refresh token at this OAuth server before anything is stored.
   * Required in production; without it (and without `confirmInstall`) install events are refused with 503.
   */
  readonly oauth?: Pick<OAuthClientOptions, 'clientId' | 'clientSecret' | 'tokenUrl'>;
  /** Replaces the OAuth proof of each ONAPPINSTALL (tests pass a scripted OAuth server). */
  readonly confirmInstall?: InstallConfirmer;
  /** How long an install proof may take, in ms (then 504). Default 5000. */
  readonly portalTimeoutMs?: number;
  /** Unproven install attempts accepted per minute before installs are refused at once. Default 60. */
  readonly maxUnprovenInstallsPerMinute?: number;
  /** Where one-line log records go (never with secrets). Default: console.log. */
  readonly log?: (line: string) => void;
  /**
   * The durable install jobs (`createInstallJobs`): an accepted event is recorded and its job enqueued
   * before the 200 (ONAPPINSTALL → apply the placements, ONAPPUNINSTALL → clean-up); a replay is a no-op.
   */
  readonly jobs?: Pick<InstallJobs, 'seen' | 'enqueueApply' | 'enqueueCleanup'>;
}

/** Thrown at creation for options that cannot work (missing secret in production…). */
export class ServerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerConfigError';
  }
}

/** The largest `bodyLimitBytes`: install events and launch forms are a few KB; bodies are read into memory. */
export const maxBodyLimitBytes = 1024 * 1024;

const storeMethods = [
  'insert',
  'replace',
  'update',
  'findByMemberId',
  'findByDomain',
  'listHashesOlderThan',
  'delete',
  'close',
] as const;

function isInteger(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A CSP source expression (`https:`, `https://*.example.com`, `'self'`): no spaces, `;` or `,`. */
const cspSource = /^[\x21-\x2b\x2d-\x3a\x3c-\x7e]{1,300}$/;

/**
 * Checks every option before anything is built, so a bad value fails `createServer` with a
 * ServerConfigError naming it instead of answering 500 at the first request (JavaScript callers and
 * numbers read from the environment reach here unchecked: NaN, 0 and negatives are numbers too).
 */
export function validateServerOptions(options: ServerOptions): void {
  const fail = (option: string, rule: string): never => {
    throw new ServerConfigError(`server: ${option} ${rule}`);
  };
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const { store } = options;
  if (
    typeof store !== 'object' ||
    store === null ||
    storeMethods.some((method) => typeof store[method] !== 'function')
  ) {
    fail('store', `must be an InstallationStore (${storeMethods.join(', ')})`);
  }
  if (options.appsDir !== undefined && (typeof options.appsDir !== 'string' || options.appsDir === '')) {
    fail('appsDir', 'must be a folder path');
  }
  if (options.apps !== undefined && (typeof options.apps !== 'object' || options.apps === null)) {
    fail('apps', 'must map handler paths to built folders');
  }
  if (options.appsDir !== undefined && options.apps !== undefined) {
    fail('apps', 'and appsDir cannot both be given');
  }
  if (options.sessionSecret !== undefined && typeof options.sessionSecret !== 'string') {
    fail('sessionSecret', 'must be a string of at least 32 bytes');
  }
  if (options.production !== undefined && typeof options.production !== 'boolean') {
    fail('production', 'must be true or false');
  }
  if (options.basePath !== undefined && typeof options.basePath !== 'string') {
    fail('basePath', 'must be a path such as "/" or "/apps/"');
  }
  if (
    options.sessionTtlSeconds !== undefined &&
    !isInteger(options.sessionTtlSeconds, 1, maxSessionSeconds)
  ) {
    fail('sessionTtlSeconds', `must be an integer from 1 to ${maxSessionSeconds}`);
  }
  if (options.bodyLimitBytes !== undefined && !isInteger(options.bodyLimitBytes, 1, maxBodyLimitBytes)) {
    fail('bodyLimitBytes', `must be an integer from 1 to ${maxBodyLimitBytes}`);
  }
  const ancestors: unknown = options.installFrameAncestors;
  if (
    ancestors !== undefined &&
    (!Array.isArray(ancestors) ||
      ancestors.length === 0 ||
      ancestors.length > 32 ||
      ancestors.some((source) => typeof source !== 'string' || !cspSource.test(source)))
  ) {
    fail('installFrameAncestors', 'must be 1-32 CSP sources without spaces, ";" or "," (such as "https:")');
  }
  if (options.confirmInstall !== undefined && typeof options.confirmInstall !== 'function') {
    fail('confirmInstall', 'must be a function');
  }
  if (options.oauth !== undefined && (typeof options.oauth !== 'object' || options.oauth === null)) {
    fail('oauth', 'must be { clientId, clientSecret, tokenUrl? }');
  }
  if (
    options.maxUnprovenInstallsPerMinute !== undefined &&
    !isInteger(options.maxUnprovenInstallsPerMinute, 1, 1_000_000)
  ) {
    fail('maxUnprovenInstallsPerMinute', 'must be a positive integer');
  }
  if (options.portalTimeoutMs !== undefined && !isInteger(options.portalTimeoutMs, 1, 60_000)) {
    fail('portalTimeoutMs', 'must be an integer from 1 to 60000');
  }
  if (options.log !== undefined && typeof options.log !== 'function') fail('log', 'must be a function');
}
