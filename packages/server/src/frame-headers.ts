/**
 * Headers of a page the portal frames: `Content-Security-Policy: frame-ancestors` with the portal origin
 * taken from a verified source (or `'none'`), never `X-Frame-Options`, and no caching because launched
 * pages can carry a session token.
 */
export function framedPageHeaders(frameAncestors: readonly string[] | null): Record<string, string> {
  const ancestors =
    frameAncestors === null || frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `frame-ancestors ${ancestors}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
