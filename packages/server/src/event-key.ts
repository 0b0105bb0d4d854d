import { createHash } from 'node:crypto';

/**
 * An event delivery's identity: a digest of its form, fields sorted. The host sends each delivery with its
 * own tokens and `ts`, so a replayed form has the same key and a new event another one. Only the digest
 * is stored (the form holds tokens).
 */
export function eventKey(params: URLSearchParams): string {
  const fields = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const event = (params.get('event') ?? 'INSTALL_CALLBACK').toUpperCase().replace(/[^A-Z0-9_]/g, '');
  const digest = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  return `event:${event.slice(0, 64)}:${digest}`;
}
