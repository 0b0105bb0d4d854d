/**
 * `@imkit/installer`: registers the apps' placement declarations on a portal as one safe, repeatable
 * step — validate offline, plan against `placement.get`, apply through `batch`, verify. Browser-safe:
 * runs on any `RestCaller` (`frame.rest` on the install page, the Node client in the CLI, test stubs).
 */

export { appHandlerProblem } from './app-declaration.js';
export {
  type ApplyOptions,
  type ApplyProgress,
  type ApplyResult,
  applyPlacements,
  type ItemError,
  type ItemResult,
  type ItemStatus,
  type Mismatch,
  maxBatchCommands,
} from './apply.js';
export { bindingDifferences, type PortalBinding, readPortalBindings } from './bindings.js';
export {
  type AppDeclaration,
  type DeclarationInput,
  type DesiredBinding,
  findDeclarationProblems,
  resolveDeclarations,
} from './declarations.js';
export {
  type DeclarationProblem,
  describeProblems,
  InstallerError,
  type InstallerErrorCode,
} from './errors.js';
export { formatApplyResult, formatPlan, formatTable } from './format-plan.js';
export { applicationTokenHint, hintFor, isWebhookUrl } from './host-hints.js';
export {
  computePlan,
  type PlacementPlan,
  type PlanAction,
  type PlanItem,
  type PlanOptions,
  planPlacements,
  readBindings,
} from './plan.js';
export type { RetryOptions } from './rate-limit.js';
