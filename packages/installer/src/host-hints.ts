/**
 * Explanations for the host errors that installing placements typically hits (HOST-PROTOCOL.md §2).
 * The host's code and text are always shown; a hint says what to do about it.
 */

/** `/rest/<userId>/<code>/`: the path of an inbound webhook. */
const webhookPath = /\/rest\/\d+\/[^/]+\/?/;

export const applicationTokenHint =
  'placement.bind, placement.unbind and placement.get need an application (OAuth) token of a portal ' +
  'admin; webhooks and session calls are refused with WRONG_AUTH_TYPE. Use the access token the app ' +
  'receives at install (ONAPPINSTALL auth, or the install page), not a webhook URL.';

/** True when `url` is an inbound webhook URL such as `https://x.bitrix24.com/rest/1/abc123/`. */
export function isWebhookUrl(url: string): boolean {
  try {
    return webhookPath.test(new URL(url).pathname);
  } catch {
    return webhookPath.test(url);
  }
}

const hints: Readonly<Record<string, string>> = {
  WRONG_AUTH_TYPE: applicationTokenHint,
  ACCESS_DENIED:
    'the token belongs to a user who is not a portal admin; placements can be bound only by an admin.',
  insufficient_scope: 'the app has no "placement" scope; add it to the app settings and reinstall.',
  expired_token:
    'the access token expired; give the refresh token, client id and client secret so it can be refreshed.',
  invalid_token: 'the access token is not valid for this portal.',
  REFRESH_FAILED: 'check the refresh token, client id, client secret and OAuth server, or get a new token.',
  ERROR_CORE:
    'the host refused the handler (bound twice is an error, not a no-op); run plan again to see the current state.',
  ERROR_WRONG_HANDLER_URL:
    'the handler URL is refused: its host name must contain a dot (127.0.0.1 works, localhost does not).',
  QUERY_LIMIT_EXCEEDED: 'the portal rate limit was still exceeded after every retry; try again later.',
};

/** What to do about a host error code, when there is something to say. */
export function hintFor(code: string): string | undefined {
  return hints[code];
}
