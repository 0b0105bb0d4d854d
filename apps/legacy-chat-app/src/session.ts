/**
 * The session the handler server issued for this launch: it verified DOMAIN_HASH, USER_HASH and the
 * referer, then put a short-lived signed token into the page (`<meta name="imkit-session">`). The page
 * sends that token — never the launch hashes — to the app's own API.
 */
export interface SessionToken {
  readonly token: string;
  /** Expiry, seconds since the epoch. */
  readonly expiresAt: number;
}

/**
 * The server's answer to `GET api/whoami`: who this launch was verified to be. Only the portal and the
 * user: DIALOG_ID and the other launch fields are not covered by the hashes, so the server never vouches
 * for them (the page reads them from its URL as unverified input).
 */
export interface VerifiedUser {
  readonly memberId: string;
  readonly domain: string;
  readonly portal: string;
  readonly userId: number;
  readonly expiresAt: number;
}

export type WhoAmIResult =
  | { readonly ok: true; readonly user: VerifiedUser }
  | { readonly ok: false; readonly error: string };

export function readSessionToken(doc: Document): SessionToken | null {
  const meta = doc.querySelector('meta[name="imkit-session"]');
  const token = meta?.getAttribute('content') ?? '';
  const expiresAt = Number(meta?.getAttribute('data-expires-at') ?? '');
  if (token === '' || !Number.isSafeInteger(expiresAt)) return null;
  return { token, expiresAt };
}

function isVerifiedUser(value: unknown): value is VerifiedUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.memberId === 'string' &&
    typeof v.domain === 'string' &&
    typeof v.portal === 'string' &&
    typeof v.userId === 'number' &&
    typeof v.expiresAt === 'number'
  );
}

/** Asks the app's own API who the session belongs to; bounded by `timeoutMs`. Never throws. */
export async function fetchWhoAmI(
  session: SessionToken,
  options: { fetch?: typeof fetch; baseUrl?: string; timeoutMs?: number } = {},
): Promise<WhoAmIResult> {
  const doFetch = options.fetch ?? fetch;
  const url = new URL('api/whoami', options.baseUrl ?? document.baseURI).href;
  try {
    const response = await doFetch(url, {
      headers: { Authorization: `Bearer ${session.token}` },
      credentials: 'omit',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok && isVerifiedUser(body)) return { ok: true, user: body };
    const code = (body as { error?: unknown } | null)?.error;
    return { ok: false, error: typeof code === 'string' ? code : `HTTP ${response.status}` };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error && error.name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK_ERROR',
    };
  }
}
