/** Bytes after gzip at level 9: how every size figure is counted (min+gzip). */
import { gzipSync } from 'node:zlib';

export function gzipSize(bytes: Uint8Array | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}
