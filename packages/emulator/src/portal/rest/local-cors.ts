/**
 * CORS for apps on other local ports: preflight answered, `Access-Control-Allow-Origin` echoed exactly
 * for `http://127.0.0.1:<port>` and `http://localhost:<port>`; any other origin gets no CORS headers.
 */
import type { MiddlewareHandler } from 'hono';

const localOrigin = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/;

export function isLocalOrigin(origin: string | undefined): origin is string {
  return origin !== undefined && localOrigin.test(origin);
}

export const localCors: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('Origin');
  if (c.req.method === 'OPTIONS') {
    if (!isLocalOrigin(origin)) return new Response(null, { status: 403, headers: { Vary: 'Origin' } });
    return new Response(null, {
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      },
    });
  }
  await next();
  c.res.headers.append('Vary', 'Origin');
  if (isLocalOrigin(origin)) c.res.headers.set('Access-Control-Allow-Origin', origin);
};
