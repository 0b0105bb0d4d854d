/**
 * Every request the server makes to another host (the OAuth server, a portal's REST API) goes through
 * `outboundRequest`: bounded in time and size, no redirects, and in production only to public unicast
 * addresses on port 443 over https. The address check runs inside the connection's own DNS lookup, so
 * the address that is checked is the address that is connected to (no rebinding between check and use).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an outbound request did not produce an answer. One code for every refused destination. */
export type OutboundFailure = 'DESTINATION_REFUSED' | 'TIMEOUT' | 'NETWORK_ERROR' | 'TOO_LARGE';

export class OutboundError extends Error {
  constructor(
    readonly code: OutboundFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export interface OutboundPolicy {
  /** Production: https on port 443 to public unicast addresses only. Otherwise anything but the above is allowed too. */
  readonly production: boolean;
}

/** True for an address a production server may connect to: public unicast IPv4 or IPv6 (mapped IPv4 judged as IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'unicast';
}

/** Throws `DESTINATION_REFUSED` for a URL a production server must not request; the reason is not told. */
export function checkDestination(url: URL, policy: OutboundPolicy): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OutboundError('DESTINATION_REFUSED', 'outbound: the destination is refused');
  }
  if (!policy.production) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = ipaddr.isValid(host);
  if (url.protocol !== 'https:' || (url.port !== '' && url.port !== '443') || literal) {
    throw new OutboundError('DESTINATION_REFUSED', 'outbound: the destination is refused');
  }
}

/** A DNS lookup that fails, with one code, when any address of the name is not public. */
export function publicOnlyLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 4);
        return;
      }
      if (addresses.length === 0 || !addresses.every((entry) => isPublicAddress(entry.address))) {
        callback(
          Object.assign(new Error('outbound: the destination is refused'), { code: 'EDESTREFUSED' }),
          '',
          4,
        );
        return;
      }
      if (options.all) callback(null, addresses as never, 0);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export interface OutboundRequest {
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The whole request, connect to last byte. */
  readonly timeoutMs: number;
  /** Largest answer read; more is `TOO_LARGE`. */
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

export interface OutboundAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** One bounded request under `policy`; resolves with any HTTP status (redirects are not followed), rejects with `OutboundError`. */
export function outboundRequest(
  url: URL,
  request: OutboundRequest,
  policy: OutboundPolicy,
): Promise<OutboundAnswer> {
  checkDestination(url, policy);
  return new Promise<OutboundAnswer>((resolve, reject) => {
    let settled = false;
    const finish = (error: OutboundError | null, answer?: OutboundAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      if (error) {
        outgoing.destroy();
        reject(error);
      } else resolve(answer!);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, {
      method: request.method,
      headers: {
        ...(request.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) }),
        ...request.headers,
      },
      ...(policy.production ? { lookup: publicOnlyLookup() } : {}),
    });
    const timer = setTimeout(
      () => finish(new OutboundError('TIMEOUT', 'outbound: no answer in time')),
      request.timeoutMs,
    );
    const onAbort = () => finish(new OutboundError('TIMEOUT', 'outbound: aborted'));
    if (request.signal?.aborted) onAbort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        error.code === 'EDESTREFUSED'
          ? new OutboundError('DESTINATION_REFUSED', 'outbound: the destination is refused')
          : new OutboundError('NETWORK_ERROR', 'outbound: the destination could not be reached'),
      ),
    );
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > request.maxBytes) {
          finish(new OutboundError('TOO_LARGE', 'outbound: the answer is too large'));
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('error', () =>
        finish(new OutboundError('NETWORK_ERROR', 'outbound: the answer was cut off')),
      );
      incoming.on('end', () =>
        finish(null, {
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.end(request.body);
  });
}
