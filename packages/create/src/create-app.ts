/**
 * `createApp(answers, { root })`: checks the answers (`checkAppSpec`), renders the files and writes
 * them atomically (`writeApp` refuses an existing app). The one call the CLI, tests and scripts use.
 */
import { type AppAnswers, type AppSpec, checkAppSpec } from './app-spec.js';
import { renderApp } from './render-app.js';
import { checkWorkspaceRoot } from './workspace-root.js';
import { type WrittenApp, writeApp } from './write-app.js';

export interface CreatedApp extends WrittenApp {
  readonly spec: AppSpec;
  readonly root: string;
}

export async function createApp(
  answers: AppAnswers,
  options: { readonly root: string },
): Promise<CreatedApp> {
  const root = checkWorkspaceRoot(options.root);
  const spec = checkAppSpec(answers);
  const written = await writeApp(root, spec.name, renderApp(spec));
  return { ...written, spec, root };
}
