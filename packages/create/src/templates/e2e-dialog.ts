/**
 * The emulator chat a generated e2e test opens: one the app is visible in, by its `context` option
 * (the first context listed). The ids are the emulator seed's: chat12 a group chat, 2 a private dialog,
 * chat14 an open line, chat16 a CRM chat.
 */
import type { OptionValues } from '../placement-options.js';

const dialogByContext: Readonly<Record<string, string>> = {
  ALL: 'chat12',
  CHAT: 'chat12',
  USER: '2',
  LINES: 'chat14',
  CRM: 'chat16',
};

export function e2eDialogId(options: OptionValues): string {
  const first = String(options.context ?? 'ALL')
    .trim()
    .split(';')[0];
  return dialogByContext[first ?? 'ALL'] ?? 'chat12';
}
