/**
 * The user's own templates live in one host user option (`frame.userOptions`), as JSON, so they follow
 * the user across devices and survive a reload. What comes back is read defensively: a damaged value
 * gives no templates instead of a crash.
 */
import { asArray, asRecord, parseJson, readString } from '@imkit/app-kit';
import type { Template } from './templates.js';

export const ownTemplatesOption = 'quickReplyTemplates';
export const ownTemplateLimits = { count: 20, title: 60, text: 2000 } as const;

function readTemplate(value: unknown): Template | null {
  const record = asRecord(value);
  const id = readString(record, 'id');
  const title = readString(record, 'title');
  const text = readString(record, 'text');
  if (id === '' || title.trim() === '' || text.trim() === '') return null;
  return { id, title: title.slice(0, ownTemplateLimits.title), text: text.slice(0, ownTemplateLimits.text) };
}

export function readOwnTemplates(raw: string | undefined): Template[] {
  return asArray(parseJson(raw))
    .map(readTemplate)
    .filter((template): template is Template => template !== null)
    .slice(0, ownTemplateLimits.count);
}

export function writeOwnTemplates(templates: readonly Template[]): string {
  return JSON.stringify(templates.map(({ id, title, text }) => ({ id, title, text })));
}

/** Why a new template can't be saved, as an error code the texts explain; null when it can. */
export function checkNewTemplate(
  title: string,
  text: string,
  existing: readonly Template[],
): 'TITLE_EMPTY' | 'TEXT_EMPTY' | 'TITLE_TOO_LONG' | 'TEXT_TOO_LONG' | 'TOO_MANY_TEMPLATES' | null {
  if (title.trim() === '') return 'TITLE_EMPTY';
  if (text.trim() === '') return 'TEXT_EMPTY';
  if (title.trim().length > ownTemplateLimits.title) return 'TITLE_TOO_LONG';
  if (text.length > ownTemplateLimits.text) return 'TEXT_TOO_LONG';
  if (existing.length >= ownTemplateLimits.count) return 'TOO_MANY_TEMPLATES';
  return null;
}
