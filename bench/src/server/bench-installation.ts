/**
 * The portal the server bench launches from: its install event, the host's form POST that opens a
 * placement, and the signed GET that opens the legacy chat app — exactly as the host sends them
 * (HOST-PROTOCOL.md §3, §5, §6).
 */
import { formatLaunchQuery, type LaunchBody } from '@imkit/frame/protocol';
import { signChatAppLaunch } from '@imkit/frame/verify';

export const benchPortal = {
  domain: 'portal.example.com',
  origin: 'https://portal.example.com',
  memberId: 'bench0member0id0000000000000001',
  accessToken: 'bench-access-token-0001',
  refreshToken: 'bench-refresh-token-0001',
  applicationToken: 'bench0application0token000000001',
} as const;

/** A portal as its install event and launches name it. */
export interface LaunchingPortal {
  readonly domain: string;
  readonly origin: string;
  readonly memberId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly applicationToken: string;
}

export function installEventForm(portal: LaunchingPortal = benchPortal): string {
  return new URLSearchParams({
    event: 'ONAPPINSTALL',
    'data[VERSION]': '1',
    'auth[access_token]': portal.accessToken,
    'auth[expires_in]': '3600',
    'auth[scope]': 'imbot,placement',
    'auth[domain]': portal.domain,
    'auth[client_endpoint]': `${portal.origin}/rest/`,
    'auth[member_id]': portal.memberId,
    'auth[refresh_token]': portal.refreshToken,
    'auth[application_token]': portal.applicationToken,
  }).toString();
}

/** The query and form body of the host's form POST into an IM_SIDEBAR frame (the launch form table's fields). */
export function placementLaunch(
  portal: Omit<LaunchingPortal, 'accessToken' | 'refreshToken'> = benchPortal,
): {
  query: string;
  body: string;
} {
  const body: LaunchBody = {
    AUTH_ID: 'frame-access-token',
    AUTH_EXPIRES: '3600',
    REFRESH_ID: 'frame-refresh-token',
    member_id: portal.memberId,
    status: 'L',
    PLACEMENT: 'IM_SIDEBAR',
    PLACEMENT_OPTIONS: '{"dialogId":"chat12"}',
    APPLICATION_TOKEN: portal.applicationToken,
  };
  return {
    query: formatLaunchQuery({
      DOMAIN: portal.domain,
      PROTOCOL: '1',
      LANG: 'en',
      APP_SID: '0123456789abcdef0123456789abcdef',
    }),
    body: new URLSearchParams(body).toString(),
  };
}

/** The query of a legacy chat-app launch, signed with the installation's HASH. */
export function legacyLaunchQuery(hash: string): string {
  const url = signChatAppLaunch(
    'https://apps.example.com/legacy-chat-app/',
    {
      botId: 39,
      botCode: 'bot39',
      appId: 7,
      appCode: 'legacy-chat-app',
      domain: benchPortal.origin,
      userId: 1,
      dialogId: 'chat12',
      lang: 'en',
      context: 'textarea',
    },
    hash,
  );
  return url.slice(url.indexOf('?') + 1);
}
