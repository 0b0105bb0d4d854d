/**
 * Loads the official SDK on demand. The dynamic import keeps it (axios, luxon: ~72 KB gzip) out of the
 * first-load bundle; the initialized `B24Frame` is cached, and a failed load can be retried.
 */
import { lazyLoad } from './lazy-load.js';

export const lazySdk = (): (() => Promise<unknown>) =>
  lazyLoad(() => import('@bitrix24/b24jssdk').then((sdk) => sdk.initializeB24Frame()));
