/**
 * The generated Playwright spec around a flavor's test: the doc comment (with the build to run first),
 * the fixture import, the app's title and, for a flavor opened in a chat, the emulator chat to open.
 */
import type { AppSpec } from '../app-spec.js';
import { e2eDialogId } from './e2e-dialog.js';
import { tsString } from './source-text.js';

export interface E2eParts {
  /** What the spec shows, after `<name> in the emulator: ` (lines joined with `\n * `). */
  readonly about: string;
  /** Declares `dialogId`: a chat the app is visible in. */
  readonly inChat: boolean;
  /** The `test(…)` calls. */
  readonly body: string;
}

export function e2eFile(spec: AppSpec, { about, inChat, body }: E2eParts): string {
  const dialogId = inChat ? `const dialogId = '${e2eDialogId(spec.options)}';\n` : '';
  return `/**
 * ${spec.name} in the emulator: ${about}
 * The fixture serves built apps only: run \`pnpm --filter @imkit/app-${spec.name} build\` first.
 */
import { expect, test } from '@imkit/emulator/fixture';

const title = ${tsString(spec.title)};
${dialogId}
${body}`;
}
