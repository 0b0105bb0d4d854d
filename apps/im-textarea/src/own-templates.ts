/**
 * The user's own templates live in one host user option (`frame.userOptions`), as JSON, so they follow
 * the user across devices and survive a reload. What comes back is read defensively: a damaged value
 * gives no templates instead of a crash.
 */
import type { Template } from './templates.js';

export const ownTemplatesOption = 'quickReplyTemplates';
export const ownTemplateLimits = { count: 20, title: 60, text: 2000 } as const;

const isTemplate = (value: unknown): value is Template => {
  if (typeof value !== 'object' || value === null) return false;
  const { id, title, text } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id !== '' &&
    typeof title === 'string' &&
    title.trim() !== '' &&
    typeof text === 'string' &&
    text.trim() !== ''
  );
};

export function readOwnTemplates(raw: string | undefined): Template[] {
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(isTemplate)
    .slice(0, ownTemplateLimits.count)
    .map(({ id, title, text }) => ({
      id,
      title: title.slice(0, ownTemplateLimits.title),
      text: text.slice(0, ownTemplateLimits.text),
    }));
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
