/**
 * Headers of a page the portal frames: `Content-Security-Policy: frame-ancestors` with the portal origin
 * taken from a verified source (or `'none'`), never `X-Frame-Options`, no caching because launched
 * pages can carry a session token, and no Referer from the page because its URL carries the launch
 * query (DOMAIN_HASH, USER_HASH, APP_SID…).
 */
export function framedPageHeaders(frameAncestors: readonly string[] | null): Record<string, string> {
  const ancestors =
    frameAncestors === null || frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `frame-ancestors ${ancestors}`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * Headers of the page a refused launch shows. It has no `frame-ancestors` (the portal must be able to show
 * why its frame stays empty, and the page holds nothing worth framing) but is never cached and, like a
 * launched page, sends no Referer carrying the launch query.
 */
export function refusalPageHeaders(): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}
