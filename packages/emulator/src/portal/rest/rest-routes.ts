/**
 * The REST API under /rest: `/rest/<method>[.json]` with an OAuth token and
 * `/rest/<userId>/<code>/<method>[.json]` for webhooks. Applies the fault switches and the rate limit,
 * stamps `time` on every answer and reports each call to the shell as a `traffic` event.
 */
import { type Context, Hono } from 'hono';
import type { TrafficEntry } from '../event-hub.js';
import { MethodError } from '../method-error.js';
import type { OperatingUsage } from '../operating-time.js';
import type { EmulatorRuntime } from '../runtime.js';
import { localCors } from './local-cors.js';
import type { ParamTree } from './php-params.js';
import { readRequestParams } from './read-request-params.js';
import { accessTokenOf, authenticateToken, authenticateWebhook, type RestAuth } from './rest-auth.js';
import { restTime } from './rest-time.js';
import { runMethod } from './run-method.js';

const queryLimit = () => new MethodError(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The request bucket's key. The host keeps one bucket per portal and source IP address, shared by every
 * app and webhook calling from that address (bitrix24/b24restdocs limits.md: "Bitrix24 only considers the
 * IP address from which the REST request is made"). This emulator is one portal, so the address is the key.
 */
function rateKeyOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return `ip:${incoming?.socket?.remoteAddress ?? 'unknown'}`;
}

function withoutAuth(params: ParamTree): ParamTree {
  const { auth: _auth, ...rest } = params;
  return rest;
}

export function restRoutes(runtime: EmulatorRuntime): Hono {
  const app = new Hono();
  app.use('*', localCors);

  const handle = async (
    c: Context,
    rawMethod: string,
    webhook: { userId: string; code: string } | null,
  ): Promise<Response> => {
    const started = Date.now();
    const method = rawMethod.replace(/\.json$/i, '');
    let params: ParamTree = {};
    let auth: RestAuth | null = null;
    let status: number;
    let body: Record<string, unknown>;
    let usage: OperatingUsage | undefined;
    try {
      if (runtime.faults.latencyMs > 0) await sleep(runtime.faults.latencyMs);
      if (runtime.faults.fail503Count > 0) {
        runtime.setFaults({ fail503Count: runtime.faults.fail503Count - 1 });
        throw queryLimit();
      }
      params = await readRequestParams(c);
      auth = webhook
        ? authenticateWebhook(runtime.state, webhook.userId, webhook.code)
        : authenticateToken(runtime.state, accessTokenOf(c.req.header('Authorization'), params));
      if (runtime.rateLimiter && !runtime.rateLimiter.take(rateKeyOf(c))) throw queryLimit();
      ({ status, body, usage } = await runMethod(method, withoutAuth(params), auth, runtime));
    } catch (error) {
      const known =
        error instanceof MethodError
          ? error
          : new MethodError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      if (!(error instanceof MethodError)) console.error(`[emulator] ${method} failed:`, error);
      runtime.stats.restRefused(known.error);
      status = known.status;
      body = known.body();
    }
    const answer = { ...body, time: restTime(started, Date.now(), usage) };
    const entry: TrafficEntry = {
      at: started,
      method,
      params: withoutAuth(params),
      status,
      body: answer,
      auth: auth?.kind ?? 'none',
    };
    runtime.events.emit('traffic', entry);
    return new Response(JSON.stringify(answer), {
      status,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  };

  app.all('/:userId{[0-9]+}/:code/:method', (c) =>
    handle(c, c.req.param('method'), { userId: c.req.param('userId'), code: c.req.param('code') }),
  );
  app.all('/:method', (c) => handle(c, c.req.param('method'), null));
  return app;
}
