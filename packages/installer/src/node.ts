/**
 * `@imkit/installer/node`: the Node side — loading `apps/*\/placement.ts`, the Node REST client with
 * OAuth refresh, and the CLI's `main`. Everything in `@imkit/installer` is re-exported for convenience.
 */

export { main as runCli } from './cli.js';
export { type CliConfig, parseCliArgs, UsageError, usage } from './cli-args.js';
export * from './index.js';
export { loadDeclarations } from './load-declarations.js';
export {
  createNodeRestClient,
  defaultOAuthServer,
  type NodeRestClient,
  type NodeRestClientOptions,
  portalOrigin,
} from './node-rest-client.js';
export { type RefreshCredentials, type RefreshedTokens, refreshOAuthToken } from './oauth-refresh.js';
