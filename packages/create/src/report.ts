/** What the CLI prints after creating an app: the files and the next commands to run. */
import { appPackageName } from './app-name.js';
import type { CreatedApp } from './create-app.js';

export function formatReport(created: CreatedApp): string {
  const { spec } = created;
  const pkg = appPackageName(spec.name);
  return [
    `Created ${spec.name} (${spec.placement}, "${spec.title}"):`,
    ...created.files.map((file) => `  ${file}`),
    '',
    'Next:',
    '  pnpm install                              # required first: links the new package into the workspace',
    '  pnpm dev                                  # the emulator on :3000 shows the app; open http://127.0.0.1:3000',
    `  pnpm exec vitest run --project ${spec.name}`,
    `  pnpm --filter ${pkg} build && pnpm --filter @imkit/e2e test ${spec.name}`,
    '  pnpm test                                 # everything: lint, types, unit, build, e2e',
    '',
  ].join('\n');
}
