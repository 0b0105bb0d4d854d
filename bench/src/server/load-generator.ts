/**
 * A bounded HTTP/1.1 load generator on loopback: `concurrency` workers, each on its own keep-alive
 * connection, send requests until `total` have been sent or `timeCapMs` has passed, each with its own
 * timeout. The request is serialized once and answers are only framed (status, Content-Length or
 * chunks), so the generator stays cheap next to the servers it measures. Only loopback URLs are
 * accepted. Returns requests per second and latency percentiles of the answers.
 */
import { connect, type Socket } from 'node:net';
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

/** The request as bytes on the wire: serialized once, written as is for every request. */
function wireRequest(target: URL, request: LoadRequest): Buffer {
  const { method, path, headers = {}, body } = request;
  const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${target.host}`, 'Connection: keep-alive'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (payload !== undefined) lines.push(`Content-Length: ${payload.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return payload === undefined ? head : Buffer.concat([head, payload]);
}

/**
 * Where the response at the start of `data` ends, or null while it is incomplete; reads the status
 * line, Content-Length or a chunked body and `Connection: close`, nothing else.
 */
function responseEnd(data: Buffer): { end: number; status: number; close: boolean } | null {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const head = data.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const close = /\r\nconnection:\s*close/i.test(head);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length !== null) {
    const end = headEnd + 4 + Number(length[1]);
    return data.length >= end ? { end, status, close } : null;
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return { end: headEnd + 4, status, close };
  let at = headEnd + 4;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(data.toString('latin1', at, lineEnd), 16);
    if (!Number.isFinite(size)) return { end: data.length, status: 0, close: true };
    at = lineEnd + 2 + size + 2;
    if (data.length < at) return null;
    if (size === 0) return { end: at, status, close };
  }
}

/**
 * One keep-alive connection sending the same request again and again: the load generator's own cost
 * per request is one socket write and finding the end of the answer, far below what a server spends,
 * so the generator is not what is measured. A connection that fails or times out is replaced.
 */
function connection(target: URL, wire: Buffer, timeoutMs: number) {
  let socket: Socket | null = null;
  let buffered: Buffer = Buffer.alloc(0);
  let waiting: ((status: number) => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  const settle = (status: number) => {
    clearTimeout(timer);
    const done = waiting;
    waiting = null;
    done?.(status);
  };
  const drop = () => {
    socket?.destroy();
    socket = null;
    buffered = Buffer.alloc(0);
    settle(0);
  };
  const open = (): Socket => {
    const opened = connect({ host: target.hostname.replace(/^\[|\]$/g, ''), port: Number(target.port) });
    opened.setNoDelay(true);
    opened.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const answer = responseEnd(buffered);
      if (answer === null) return;
      buffered = buffered.subarray(answer.end);
      if (answer.close) {
        // The server ends this connection: the next request goes out on a new one.
        socket = null;
        buffered = Buffer.alloc(0);
        opened.destroy();
      }
      settle(answer.status);
    });
    opened.on('error', drop);
    opened.on('close', () => {
      if (socket === opened) drop();
    });
    return opened;
  };
  return {
    /** Sends the request; resolves with the answer's status, 0 for a failure or timeout. */
    send(): Promise<number> {
      return new Promise((resolve) => {
        waiting = resolve;
        timer = setTimeout(drop, timeoutMs);
        socket ??= open();
        socket.write(wire);
      });
    },
    close(): void {
      socket?.destroy();
      socket = null;
    },
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = loopbackTarget(options.url);
  checkCount('total', options.total, 10_000_000);
  checkCount('concurrency', options.concurrency, 1024);
  checkCount('timeCapMs', options.timeCapMs, 600_000);
  const timeout = options.requestTimeoutMs ?? 5000;
  const expect = options.expectStatus ?? 200;
  const wire = wireRequest(target, options.request);
  const latencies: number[] = [];
  let issued = 0;
  let failed = 0;

  const started = performance.now();
  const deadline = started + options.timeCapMs;
  const worker = async () => {
    const link = connection(target, wire, timeout);
    try {
      while (issued < options.total && performance.now() < deadline) {
        issued++;
        const sent = performance.now();
        const status = await link.send();
        if (status === expect) latencies.push(performance.now() - sent);
        else failed++;
      }
    } finally {
      link.close();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = performance.now() - started;
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
