/**
 * A quick-reply template is a title and a text with variables — `{recipient}`, `{chat}`, `{date}`, `{me}` —
 * filled from the open dialog before the text goes into the message input.
 */
import { interpolate } from '@imkit/app-kit';

export interface Template {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export const templateVariables = ['recipient', 'chat', 'date', 'me'] as const;
export type TemplateVariable = (typeof templateVariables)[number];
export type TemplateVars = Readonly<Partial<Record<TemplateVariable, string>>>;

/** Fills the known variables; a variable the dialog could not provide stays visible as `{name}`. */
export function fillTemplate(text: string, vars: TemplateVars): string {
  const known: Record<string, string> = {};
  for (const name of templateVariables) {
    const value = vars[name];
    if (value) known[name] = value;
  }
  return interpolate(text, known);
}

const library: Readonly<Record<'en' | 'ru', readonly Template[]>> = {
  en: [
    { id: 'hello', title: 'Greeting', text: 'Hello, {recipient}!' },
    { id: 'follow-up', title: 'Follow-up', text: 'Hi {recipient}, following up on “{chat}”: any news?' },
    { id: 'meeting', title: 'Meeting today', text: "Let's meet today, {date}. Does that work for you?" },
    { id: 'thanks', title: 'Thanks', text: 'Thank you, {recipient}! Best regards, {me}' },
  ],
  ru: [
    { id: 'hello', title: 'Приветствие', text: 'Здравствуйте, {recipient}!' },
    { id: 'follow-up', title: 'Напоминание', text: '{recipient}, напоминаю про «{chat}»: есть новости?' },
    { id: 'meeting', title: 'Встреча сегодня', text: 'Давайте встретимся сегодня, {date}. Вам удобно?' },
    { id: 'thanks', title: 'Благодарность', text: 'Спасибо, {recipient}! С уважением, {me}' },
  ],
};

/** The built-in library in the interface language (Russian for `ru`, English otherwise). */
export function builtInTemplates(lang: string): readonly Template[] {
  return lang === 'ru' ? library.ru : library.en;
}
