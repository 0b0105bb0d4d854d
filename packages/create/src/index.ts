/**
 * `@imkit/create`: the scaffolder behind `pnpm create-app`. `createApp(answers, { root })` writes
 * `apps/<name>/` and `e2e/<name>.spec.ts`; `renderApp(spec)` gives the files without writing them.
 */
export { appNameProblem, appPackageName, maxAppNameLength } from './app-name.js';
export {
  type AppAnswers,
  type AppSpec,
  checkAppSpec,
  maxDescriptionLength,
  maxTitleLength,
  readDescription,
  readName,
  readPlacement,
  readTitle,
  toDeclaration,
} from './app-spec.js';
export { type CreateArgs, parseCreateArgs, usage } from './cli-args.js';
export { collectAnswers, titleFromName } from './collect-answers.js';
export { type CreatedApp, createApp } from './create-app.js';
export { CreateError, type CreateErrorCode } from './create-error.js';
export { type OptionValues, optionFlags, readOption, suggestedOptions } from './placement-options.js';
export { type PromptIO, readlineIO } from './prompt-io.js';
export { type RenderedApp, renderApp } from './render-app.js';
export { formatReport } from './report.js';
export { type CliStreams, runCli } from './run-cli.js';
export { checkWorkspaceRoot, findWorkspaceRoot } from './workspace-root.js';
export { removeApp, takenPath, type WrittenApp, writeApp } from './write-app.js';
