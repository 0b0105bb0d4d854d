/**
 * The reference installer: what a hand-written script does — one `placement.bind` per declaration, in
 * order, no read first. Its errors (such as "Handler already binded" on a re-run) are counted, not thrown.
 */
import type { RestCaller } from '@imkit/frame';
import { toBindParams } from '@imkit/frame/placements';
import type { AppDeclaration } from '@imkit/installer';

export async function naiveInstall(
  rest: Pick<RestCaller, 'call'>,
  declarations: readonly AppDeclaration[],
  handlerBase: string,
): Promise<{ readonly failed: number }> {
  let failed = 0;
  for (const { declaration } of declarations) {
    try {
      await rest.call('placement.bind', { ...toBindParams(declaration, handlerBase) });
    } catch {
      failed++;
    }
  }
  return { failed };
}
