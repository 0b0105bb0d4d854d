/**
 * `@imkit/server/hosting` — serving on Node, shared by the handler server and `@imkit/emulator`: the
 * guarded static files (no pages by name, dotfiles, folders or symlinks out of the root) and `listenServer`
 * with its request timeouts. Nothing here opens a store.
 */
export { type ListeningServer, type ListenOptions, listenServer } from './listen.js';
export { ServerConfigError } from './server-options.js';
export {
  resolveStaticFile,
  type StaticFileRules,
  serveStaticFile,
  staticCacheControl,
} from './static-files.js';
