/**
 * An app's `index.html`, kept in memory: launches answer from the copy instead of reading the file per
 * request. The file is checked again (size and mtime, one `stat`) when the copy is older than
 * `recheckMs`, so a rebuilt dist is served within that time without a restart; a file that is gone
 * fails like a read would. Concurrent requests share one read.
 */
import { readFile, stat } from 'node:fs/promises';

export interface PageCacheOptions {
  /** How long a copy is served before the file is checked again, in ms. Default 1000. */
  readonly recheckMs?: number;
  /** The clock, in ms (tests). */
  readonly now?: () => number;
}

interface Copy {
  readonly text: string;
  readonly mtimeMs: number;
  readonly size: number;
  checkedAt: number;
}

export function cachedPage(file: string, options: PageCacheOptions = {}): () => Promise<string> {
  const recheckMs = options.recheckMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  let copy: Copy | null = null;
  let pending: Promise<string> | null = null;

  const refresh = async (): Promise<string> => {
    const before = await stat(file);
    if (copy !== null && before.mtimeMs === copy.mtimeMs && before.size === copy.size) {
      copy.checkedAt = now();
      return copy.text;
    }
    const text = await readFile(file, 'utf8');
    copy = { text, mtimeMs: before.mtimeMs, size: before.size, checkedAt: now() };
    return text;
  };

  return () => {
    if (copy !== null && now() - copy.checkedAt < recheckMs) return Promise.resolve(copy.text);
    pending ??= refresh().finally(() => {
      pending = null;
    });
    return pending;
  };
}
