/** The generated app's README: what it does, how it is built, how to run and test it. */
import { appPackageName } from '../app-name.js';
import type { AppSpec } from '../app-spec.js';
import { flavors } from './flavors.js';

export function readmeFile(spec: AppSpec): string {
  const pkg = appPackageName(spec.name);
  const flavor = flavors[spec.placement];
  return `# ${spec.name} — ${spec.title}

An imkit chat app for the **${spec.placement}** placement, created with \`pnpm create-app\`. It
${flavor.does}.

How it is built:

- \`placement.ts\` — the placement declaration (\`definePlacement\`): code, handler \`${spec.name}/\`, title,
  options. The installer and \`pnpm dev\` read it.
- \`src/main.tsx\` — \`bootApp('${spec.placement}', …)\` from \`@imkit/app-kit\`: connects to the host and
  shows the boot states.
- \`src/store.ts\` — the zustand store: state as \`Remote<…>\` values and every action; the frame is passed in.
- \`src/texts.ts\` — interface texts (\`createI18n\`); add languages next to \`en\`.
- \`src/components/App.tsx\` — the Preact view: reads the store, calls its actions.
- \`test/app.test.tsx\` — unit tests with \`createFakeFrame\` from \`@imkit/app-kit/testing\`.
- \`e2e/${spec.name}.spec.ts\` (in the workspace root) — the end-to-end test in the emulator.

## Run it

\`\`\`sh
pnpm install                                  # link the new workspace package
pnpm dev                                      # emulator on :3000 + every app on :5173
pnpm exec vitest run --project ${spec.name}${' '.repeat(Math.max(1, 31 - spec.name.length))}# unit tests
pnpm --filter ${pkg} build
pnpm --filter @imkit/e2e test ${spec.name}       # end-to-end in the emulator (after the build)
\`\`\`
`;
}
