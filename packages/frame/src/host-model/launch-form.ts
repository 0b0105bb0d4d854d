/**
 * The host's form POST that loads a placement iframe (HOST-PROTOCOL.md §3), declared once: which fields
 * go in the handler URL's query and which in the form body, in the host's order. The emulator posts
 * exactly these (`private-api/frame-launch.ts`), `@imkit/server` reads its checks' fields by these names,
 * the bench replays them; test/host-model-consumers.test.ts fails when one of them disagrees.
 */

export interface LaunchFieldSpec {
  /** Appended to the handler URL (`query`) or sent in the POST body (`body`). */
  readonly in: 'query' | 'body';
  /** `always`, `nonEmpty` (only when there is something to send), `docs` (listed by the docs; not every host sends it). */
  readonly sent: 'always' | 'nonEmpty' | 'docs';
  readonly value: string;
}

export const launchFormFields = {
  DOMAIN: { in: 'query', sent: 'always', value: 'the portal host[:port]' },
  PROTOCOL: { in: 'query', sent: 'always', value: '1 for https, 0 for http' },
  LANG: { in: 'query', sent: 'always', value: 'the user’s language' },
  APP_SID: { in: 'query', sent: 'always', value: '32 hex, also in window.name' },
  AUTH_ID: { in: 'body', sent: 'always', value: 'the frame’s OAuth access token' },
  AUTH_EXPIRES: { in: 'body', sent: 'always', value: 'its lifetime in seconds' },
  REFRESH_ID: { in: 'body', sent: 'always', value: 'the OAuth refresh token' },
  member_id: { in: 'body', sent: 'always', value: 'the portal’s member id' },
  status: { in: 'body', sent: 'always', value: 'the app’s status (L: local)' },
  PLACEMENT: { in: 'body', sent: 'always', value: 'the placement code (DEFAULT for the install page)' },
  PLACEMENT_OPTIONS: {
    in: 'body',
    sent: 'nonEmpty',
    value: 'JSON (hostJson escapes), only when the frame receives options',
  },
  SERVER_ENDPOINT: { in: 'body', sent: 'docs', value: 'the OAuth server’s REST endpoint' },
  APPLICATION_TOKEN: { in: 'body', sent: 'docs', value: 'the installation’s application_token' },
  APPLICATION_SCOPE: { in: 'body', sent: 'docs', value: 'the app’s scopes' },
} as const satisfies Readonly<Record<string, LaunchFieldSpec>>;

export type LaunchField = keyof typeof launchFormFields;

type FieldsWhere<Where extends Partial<LaunchFieldSpec>> = {
  [F in LaunchField]: (typeof launchFormFields)[F] extends Where ? F : never;
}[LaunchField];

export type LaunchQueryField = FieldsWhere<{ in: 'query' }>;
export type LaunchBodyField = FieldsWhere<{ in: 'body' }>;

/** The handler URL's query values, every one required. */
export type LaunchQuery = Readonly<Record<LaunchQueryField, string>>;
/** The form body: the `always` fields required, the others optional. */
export type LaunchBody = Readonly<Record<FieldsWhere<{ in: 'body'; sent: 'always' }>, string>> &
  Readonly<Partial<Record<LaunchBodyField, string>>>;

export const launchQueryFields = (Object.keys(launchFormFields) as LaunchField[]).filter(
  (field): field is LaunchQueryField => launchFormFields[field].in === 'query',
);

/** `DOMAIN=…&PROTOCOL=…&LANG=…&APP_SID=…`: the query the host appends to a handler URL, in its order. */
export function formatLaunchQuery(query: LaunchQuery): string {
  return launchQueryFields.map((field) => `${field}=${encodeURIComponent(query[field])}`).join('&');
}
