/**
 * `createRestClient()` — the browser REST client (`frame.rest`, also used directly by pages such as the
 * install page). It returns at once; the transport (HTTP, retries, token refresh, batch splitting) is a
 * separate chunk loaded on the first call, so it does not weigh on an app's first load.
 */
import type { RestCaller } from '../rest-types.js';
import { lazyLoad } from './lazy-load.js';
import type { RestClientOptions } from './rest-transport.js';

export type { RestClientOptions } from './rest-transport.js';

export function createRestClient(options: RestClientOptions): RestCaller {
  const load = lazyLoad(() =>
    import('./rest-transport.js').then((module) => module.createRestTransport(options)),
  );
  return {
    call: (method, params) => load().then((rest) => rest.call(method, params)),
    batch: (commands, batchOptions) => load().then((rest) => rest.batch(commands, batchOptions)),
  };
}
