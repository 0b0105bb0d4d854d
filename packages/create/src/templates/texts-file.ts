/**
 * The generated `src/texts.ts`: the app's English interface texts (its title first) behind `createI18n`.
 * A flavor gives only its own messages.
 */
import type { AppSpec } from '../app-spec.js';
import { tsString } from './source-text.js';

export function textsFile(spec: AppSpec, messages: Readonly<Record<string, string>>): string {
  const entries = [['title', spec.title], ...Object.entries(messages)]
    .map(([key, text]) => `  ${key}: ${tsString(text ?? '')},\n`)
    .join('');
  return `/** The app's interface texts; add a language next to \`en\` (the host's language is \`context.lang\`). */
import { createI18n } from '@imkit/app-kit';

const en = {
${entries}} as const;

export const texts = createI18n<keyof typeof en>({ en });
`;
}
