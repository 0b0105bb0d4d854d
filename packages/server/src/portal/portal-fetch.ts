/**
 * The HTTP side of one portal's client, in the shape of `fetch` so the shared REST transport of
 * `@imkit/frame` (answer decoding, batch splitting, the retry after a refresh, back-off on 503) runs over
 * it: each request first takes a slot of the shared rate budget, then goes out through `outboundRequest`
 * (bounded, production destination rules), and its answer's operating times are recorded.
 */

import { OutboundError, type OutboundPolicy, outboundRequest } from '../outbound.js';
import type { SqlQueryable } from '../store/sql-driver.js';
import { batchCommands, operatingReadings, recordOperatingTimes } from './operating-time.js';
import { portalFailure } from './portal-failure.js';
import type { PortalRateLimit, RateBudget } from './rate-budget.js';

export interface PortalFetchContext {
  readonly memberId: string;
  readonly sql: SqlQueryable;
  readonly budget: RateBudget;
  readonly rateLimit: PortalRateLimit;
  readonly policy: OutboundPolicy;
  /** Per HTTP request, in ms. */
  readonly timeoutMs: number;
  /** Bound on waiting for the rate budget, in ms. */
  readonly maxWaitMs: number;
  readonly operatingHoldSeconds: number;
  readonly maxAnswerBytes: number;
  /** Told of every answer: the token it was sent with and its decoded body (null when not JSON). */
  readonly onAnswer: (sentToken: string, body: unknown) => void;
}

/** Statuses a `Response` cannot carry a body with. */
const nullBodyStatuses = new Set([101, 204, 205, 304]);

function methodOf(url: URL): string {
  return decodeURIComponent(url.pathname.replace(/^\/rest\//, '').replace(/\.json$/, ''));
}

function sentToken(body: string): string {
  try {
    const { auth } = JSON.parse(body) as { auth?: unknown };
    return typeof auth === 'string' ? auth : '';
  } catch {
    return '';
  }
}

export function createPortalFetch(context: PortalFetchContext): typeof fetch {
  const portalFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = methodOf(url);
    const body = typeof init?.body === 'string' ? init.body : '';
    const commands = method.toLowerCase() === 'batch' ? batchCommands(body) : new Map<string, string>();
    const methods = commands.size > 0 ? [...new Set(commands.values())] : [method];
    await context.budget.take(
      context.memberId,
      method,
      methods,
      context.rateLimit,
      Date.now() + context.maxWaitMs,
    );
    let answer: Awaited<ReturnType<typeof outboundRequest>>;
    try {
      answer = await outboundRequest(
        url,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body,
          timeoutMs: context.timeoutMs,
          maxBytes: context.maxAnswerBytes,
          ...(init?.signal ? { signal: init.signal } : {}),
        },
        context.policy,
      );
    } catch (error) {
      if (error instanceof OutboundError && error.code === 'TIMEOUT') {
        throw portalFailure('PORTAL_TIMEOUT', method, `no answer within ${context.timeoutMs} ms`);
      }
      const code = error instanceof OutboundError ? error.code : 'NETWORK_ERROR';
      throw portalFailure('PORTAL_UNREACHABLE', method, `the portal could not be reached (${code})`);
    }
    let decoded: unknown = null;
    try {
      decoded = JSON.parse(answer.text);
    } catch {}
    const readings = operatingReadings(method, commands, decoded);
    try {
      await recordOperatingTimes(context.sql, context.memberId, readings, context.operatingHoldSeconds);
    } catch {
      // The answer stands; a reading the store could not keep only loses a hold-back hint.
    }
    context.onAnswer(sentToken(body), decoded);
    const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
    return new Response(nullBodyStatuses.has(status) ? null : answer.text, {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return portalFetch as typeof fetch;
}
