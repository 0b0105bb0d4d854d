/**
 * Builds the typed, deeply frozen launch context from the host's `getInitData` reply (HOST-PROTOCOL.md §4).
 * The portal's domain, protocol and origin come from `window.name` — the origin every reply was checked
 * against — never from the reply, so a reply cannot redirect REST calls elsewhere. The reply is read
 * through the keys of the `getInitData` table (host-model/init-data.ts, type-only), never trusted for shape.
 */
import type { InitDataField, RefreshedAuth } from '../host-model/init-data.js';
import type { FrameName } from '../protocol.js';
import type { FrameAuth, LaunchContext } from '../types.js';
import { frameFailure } from './frame-failure.js';
import { contextFieldsOf } from './placement-traits.js';
import { flag, isDict, stringRecord, text } from './reply-fields.js';

/** A host reply as read: only the table's keys, each of unknown type. */
type Reply<Field extends string> = Readonly<Partial<Record<Field, unknown>>>;

/** Reads `{AUTH_ID, AUTH_EXPIRES (seconds), REFRESH_ID}`; throws BAD_REPLY when AUTH_ID is missing. */
export function readAuth(reply: unknown, method: string, now: number): FrameAuth {
  const data: Reply<keyof RefreshedAuth> = isDict(reply) ? reply : {};
  const accessToken = text(data.AUTH_ID);
  if (!accessToken) throw frameFailure('BAD_REPLY', method, 'no AUTH_ID');
  return Object.freeze({
    accessToken,
    expiresAt: now + (Number(text(data.AUTH_EXPIRES)) * 1000 || 0),
    refreshToken: text(data.REFRESH_ID),
  });
}

export function buildLaunchContext(reply: unknown, name: FrameName, now: number): LaunchContext {
  const data: Reply<InitDataField> = isDict(reply) ? reply : {};
  const placement = text(data.PLACEMENT).toUpperCase();
  // PLACEMENT_OPTIONS is an object or '' (defensively also a JSON string).
  let given = data.PLACEMENT_OPTIONS;
  try {
    given = JSON.parse(given as string);
  } catch {}
  const fields = contextFieldsOf(placement);
  const options = fields
    ? Object.fromEntries(fields.map((field) => [field, text(Object(given)[field])]))
    : given;
  return Object.freeze({
    lang: text(data.LANG),
    domain: name.domain,
    protocol: name.https ? 'https' : 'http',
    origin: name.origin,
    memberId: text(data.MEMBER_ID),
    isAdmin: flag(data.IS_ADMIN),
    auth: readAuth(reply, 'getInitData', now),
    firstRun: flag(data.FIRST_RUN),
    install: flag(data.INSTALL),
    userOptions: stringRecord(data.USER_OPTIONS),
    appOptions: stringRecord(data.APP_OPTIONS),
    appSid: name.appSid,
    placement,
    options: stringRecord(options),
  }) as LaunchContext;
}
