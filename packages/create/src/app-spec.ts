/**
 * `AppSpec`: everything the scaffolder needs to write an app — name, placement, title, description and
 * placement options — and the readers that turn typed text into it, each refusing with a message that
 * names the field. `checkAppSpec` runs the finished declaration through the host's own chain
 * (`checkDeclaration`) as the last gate.
 */
import {
  checkDeclaration,
  isPlacementCode,
  type OptionName,
  type PlacementCode,
  placementCatalog,
  placementCodes,
} from '@imkit/frame/placements';
import { appNameProblem } from './app-name.js';
import { CreateError } from './create-error.js';
import { type OptionValues, optionFlags, placementOptionNames, readOption } from './placement-options.js';

export interface AppSpec {
  readonly name: string;
  readonly placement: PlacementCode;
  readonly title: string;
  readonly description: string;
  readonly options: OptionValues;
}

/** Answers as typed (flags or prompts); options by their host name. */
export interface AppAnswers {
  readonly name: string;
  readonly placement: string;
  readonly title: string;
  readonly description: string;
  readonly options: Readonly<Partial<Record<OptionName, string>>>;
}

export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

export const maxTitleLength = 50;
export const maxDescriptionLength = 200;

export function readName(text: string): Read<string> {
  const name = text.trim();
  const problem = appNameProblem(name);
  return problem ? { ok: false, message: `--name: ${problem}` } : { ok: true, value: name };
}

/** A placement code in any case, or its number in the catalogue list (1-5). */
export function readPlacement(text: string): Read<PlacementCode> {
  const value = text.trim();
  const byNumber = /^[1-9]$/.test(value) ? placementCodes[Number(value) - 1] : undefined;
  const code = byNumber ?? value.toUpperCase();
  if (isPlacementCode(code)) return { ok: true, value: code };
  return {
    ok: false,
    message: `--placement: unknown placement "${text}"; use one of ${placementCodes.join(', ')}`,
  };
}

function readText(field: string, text: string, max: number, required: boolean): Read<string> {
  const value = text.trim();
  if (required && value === '') return { ok: false, message: `--${field} is required` };
  if (value.length > max) return { ok: false, message: `--${field} must be at most ${max} characters` };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return { ok: false, message: `--${field} must be one line without control characters` };
  }
  return { ok: true, value };
}

export const readTitle = (text: string): Read<string> => readText('title', text, maxTitleLength, true);
export const readDescription = (text: string): Read<string> =>
  readText('description', text, maxDescriptionLength, false);

/** The declaration `placement.ts` will export, as plain data. */
export function toDeclaration(spec: AppSpec) {
  return {
    placement: spec.placement,
    handler: `${spec.name}/`,
    title: { en: spec.title },
    ...(spec.description === '' ? {} : { description: { en: spec.description } }),
    options: spec.options,
  };
}

function fail(field: string, message: string): never {
  throw new CreateError('INVALID_VALUE', field, message);
}

function take<T>(field: string, read: Read<T>): T {
  if (!read.ok) fail(field, read.message);
  return read.value;
}

/**
 * Turns complete answers into an `AppSpec`, or throws `CreateError` (`INVALID_VALUE`) naming the first
 * bad field. Options the placement does not store are refused rather than silently dropped.
 */
export function checkAppSpec(answers: AppAnswers): AppSpec {
  const name = take('name', readName(answers.name));
  const placement = take('placement', readPlacement(answers.placement));
  const title = take('title', readTitle(answers.title));
  const description = take('description', readDescription(answers.description));
  const allowed = placementOptionNames(placement);
  const options: Partial<Record<OptionName, string | number>> = {};
  for (const [key, text] of Object.entries(answers.options) as [OptionName, string | undefined][]) {
    if (text === undefined) continue;
    if (!allowed.includes(key)) {
      fail(
        key,
        `--${optionFlags[key]} (${key}) is not an option of ${placement}; it stores ${allowed.join(', ')}`,
      );
    }
    options[key] = take(key, readOption(placement, key, text));
  }
  if (placementCatalog[placement].requiresIcon && options.iconName === undefined) {
    fail('iconName', `--icon (iconName) is required for ${placement}, e.g. --icon fa-book`);
  }
  const spec: AppSpec = { name, placement, title, description, options };
  const problems = checkDeclaration(toDeclaration(spec));
  const first = problems[0];
  if (first) {
    const field = first.field.replace(/^OPTIONS\./, '');
    fail(field, problems.map((p) => `${p.field}: ${p.error.error_description} (${p.rule})`).join('\n'));
  }
  return spec;
}
