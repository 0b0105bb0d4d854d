/**
 * The fields of the host's `getInitData` reply (HOST-PROTOCOL.md §4), declared once. The emulator builds
 * its reply as an `InitData` (every field, nothing else); the browser client reads the reply through
 * `InitDataField` keys (type-only, so the 3 KB entry does not carry the table).
 */
import type { PlacementCode } from '../placements/catalog.js';

/** Each field and the JSON type the host sends it as. */
export const initDataFields = {
  LANG: 'string',
  /** `<host[:port]>` as in `window.name`. */
  DOMAIN: 'string',
  /** 1 for https, 0 for http: a number. */
  PROTOCOL: 'protocol',
  /** Always `/rest`. */
  PATH: 'string',
  AUTH_ID: 'string',
  /** Seconds left, as a string. */
  AUTH_EXPIRES: 'string',
  REFRESH_ID: 'string',
  MEMBER_ID: 'string',
  /** True only on the first call for this user. */
  FIRST_RUN: 'boolean',
  IS_ADMIN: 'boolean',
  /** True on the install page until `installFinish`. */
  INSTALL: 'boolean',
  USER_OPTIONS: 'object',
  APP_OPTIONS: 'object',
  /** Upper case: an IM_* code, or `DEFAULT` for the install page. */
  PLACEMENT: 'placement',
  /** The frame's PLACEMENT_OPTIONS as an object, or `''` when there are none. */
  PLACEMENT_OPTIONS: 'objectOrEmpty',
} as const satisfies Readonly<Record<string, string>>;

export type InitDataField = keyof typeof initDataFields;

interface InitDataValue {
  string: string;
  protocol: 0 | 1;
  boolean: boolean;
  object: Readonly<Record<string, unknown>>;
  placement: PlacementCode | (string & {});
  objectOrEmpty: Readonly<Record<string, string>> | '';
}

/** The `getInitData` reply, typed from the table. */
export type InitData = { readonly [F in InitDataField]: InitDataValue[(typeof initDataFields)[F]] };

/** The `refreshAuth` reply: the token fields of `getInitData`. */
export type RefreshedAuth = Pick<InitData, 'AUTH_ID' | 'AUTH_EXPIRES' | 'REFRESH_ID'>;
