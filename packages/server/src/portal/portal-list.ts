/**
 * List paging: the host answers a list method with one page in `result` and, when more follow, the
 * offset of the next page in `next` (and the count in `total`); the next page is asked for with
 * `start=<next>`. Bounded: at most `maxPages`, and `next` must move forward.
 */
import type { RestParams } from '@imkit/frame';
import { portalFailure } from './portal-failure.js';

export type PageCall = (params: RestParams) => Promise<{ result: unknown; answer: unknown }>;

export async function* listPages<Page>(
  method: string,
  params: RestParams,
  maxPages: number,
  open: () => Promise<PageCall>,
): AsyncGenerator<Page, void, undefined> {
  const call = await open();
  let start: number | null = typeof params.start === 'number' ? params.start : null;
  for (let page = 0; ; page += 1) {
    if (page >= maxPages) {
      throw portalFailure('PAGE_LIMIT', method, `more than ${maxPages} pages`);
    }
    const { result, answer } = await call(start === null ? params : { ...params, start });
    yield result as Page;
    const next = Number((answer as { next?: unknown } | null)?.next);
    if (!Number.isSafeInteger(next) || next <= (start ?? 0)) return;
    start = next;
  }
}
