/**
 * The bench's own REST calls to the emulated portal, as its admin: sent from 127.0.0.2, so the host's
 * per-address bucket they use is not the fleet's (127.0.0.1) and they never crowd or count against it.
 */
import { request } from 'node:http';

export function adminRest(
  origin: string,
  accessToken: string,
  method: string,
  params: Readonly<Record<string, unknown>>,
  timeoutMs = 10_000,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(`/rest/${method}.json`, origin);
  const payload = Buffer.from(JSON.stringify({ ...params, auth: accessToken }), 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: '127.0.0.2',
        timeout: timeoutMs,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            });
          } catch (error) {
            reject(
              new Error(`${method}: the portal answered ${res.statusCode} with no JSON (${String(error)})`),
            );
          }
        });
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error(`${method}: no answer within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(payload);
  });
}
