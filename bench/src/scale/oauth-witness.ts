/**
 * A loopback forwarder in front of the emulator's `/oauth/token/` that every server process of the scale
 * part uses as its OAuth endpoint. It passes each exchange through unchanged and records it: the refresh
 * token presented, when, whether a grant came back, and that grant's tokens and expiry. The token
 * figures are computed from these records and the emulator's own token table.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OAuthExchange {
  readonly at: number;
  readonly refreshToken: string;
  /** The new pair when the OAuth server granted one. */
  readonly grant: {
    readonly accessToken: string;
    readonly refreshToken: string;
    readonly expires: number;
  } | null;
  /** `error` of a refusal (`invalid_grant`…), or the HTTP status when there is none. */
  readonly refusal: string | null;
}

export interface OAuthWitness {
  /** `http://127.0.0.1:<port>/oauth/token/` */
  readonly tokenUrl: string;
  readonly exchanges: readonly OAuthExchange[];
  close(): Promise<void>;
}

const maxBody = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

function grantOf(body: unknown): OAuthExchange['grant'] {
  if (typeof body !== 'object' || body === null) return null;
  const { access_token, refresh_token, expires } = body as Record<string, unknown>;
  return typeof access_token === 'string' && typeof refresh_token === 'string' && typeof expires === 'number'
    ? { accessToken: access_token, refreshToken: refresh_token, expires }
    : null;
}

export function startOAuthWitness(emulatorOrigin: string, timeoutMs = 10_000): Promise<OAuthWitness> {
  const target = new URL('/oauth/token/', emulatorOrigin);
  const exchanges: OAuthExchange[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const at = Date.now();
      const text = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const fields = new URLSearchParams(text === '' ? url.search : text);
      const answer = await fetch(target, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answerText = await answer.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(answerText);
      } catch {}
      const grant = answer.ok ? grantOf(parsed) : null;
      const error = (parsed as { error?: unknown } | null)?.error;
      exchanges.push({
        at,
        refreshToken: fields.get('refresh_token') ?? '',
        grant,
        refusal: grant !== null ? null : typeof error === 'string' ? error : `HTTP_${answer.status}`,
      });
      res.writeHead(answer.status, {
        'Content-Type': answer.headers.get('Content-Type') ?? 'application/json',
      });
      res.end(answerText);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'bench_forward_failed', error_description: String(error) }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        tokenUrl: `http://127.0.0.1:${port}/oauth/token/`,
        exchanges,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
