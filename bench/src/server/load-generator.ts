/**
 * A bounded HTTP load generator on loopback: `concurrency` workers over keep-alive connections send
 * requests until `total` have been sent or `timeCapMs` has passed, each with its own timeout. Only
 * loopback URLs are accepted. Returns requests per second and latency percentiles of the answers.
 */
import { Agent, request as httpRequest } from 'node:http';
import { percentile } from '../stats.js';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, such as `/im-sidebar/?DOMAIN=…`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadOptions {
  readonly url: string;
  readonly request: LoadRequest;
  readonly total: number;
  readonly concurrency: number;
  readonly timeCapMs: number;
  /** Per-request timeout; default 5000 ms. */
  readonly requestTimeoutMs?: number;
  /** The status every answer must have; default 200. Others count as failed. */
  readonly expectStatus?: number;
}

export interface LoadResult {
  readonly completed: number;
  readonly failed: number;
  readonly durationMs: number;
  /** Latency of every completed request, ms. */
  readonly latencies: readonly number[];
}

function loopbackTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`load: url "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname))
    throw new TypeError(`load: url must be http on loopback, got "${url}"`);
  return parsed;
}

function checkCount(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new RangeError(`load: ${name} must be an integer from 1 to ${max}, got ${value}`);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = loopbackTarget(options.url);
  checkCount('total', options.total, 10_000_000);
  checkCount('concurrency', options.concurrency, 1024);
  checkCount('timeCapMs', options.timeCapMs, 600_000);
  const timeout = options.requestTimeoutMs ?? 5000;
  const expect = options.expectStatus ?? 200;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const { method, path, headers = {}, body } = options.request;
  const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
  const requestHeaders = payload ? { ...headers, 'Content-Length': String(payload.length) } : headers;
  const latencies: number[] = [];
  let issued = 0;
  let failed = 0;

  const one = () =>
    new Promise<boolean>((resolve) => {
      const req = httpRequest(
        { host: target.hostname, port: target.port, method, path, headers: requestHeaders, agent, timeout },
        (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode === expect));
          res.once('error', () => resolve(false));
        },
      );
      req.once('timeout', () => req.destroy(new Error('request timed out')));
      req.once('error', () => resolve(false));
      req.end(payload);
    });

  const started = performance.now();
  const deadline = started + options.timeCapMs;
  const worker = async () => {
    while (issued < options.total && performance.now() < deadline) {
      issued++;
      const sent = performance.now();
      const ok = await one();
      if (ok) latencies.push(performance.now() - sent);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = performance.now() - started;
  agent.destroy();
  return { completed: latencies.length, failed, durationMs, latencies };
}

/** Requests per second and p99 over several rounds of one target. */
export function summarizeLoad(rounds: readonly LoadResult[]): {
  perSecond: number;
  p99: number;
  failed: number;
} {
  const completed = rounds.reduce((sum, r) => sum + r.completed, 0);
  const ms = rounds.reduce((sum, r) => sum + r.durationMs, 0);
  const latencies = rounds.flatMap((r) => r.latencies);
  return {
    perSecond: ms > 0 ? (completed / ms) * 1000 : 0,
    p99: latencies.length > 0 ? percentile(latencies, 99) : Number.NaN,
    failed: rounds.reduce((sum, r) => sum + r.failed, 0),
  };
}
