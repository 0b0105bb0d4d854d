/**
 * Turns flags into complete answers: with `--yes` from the flags and the suggested defaults alone;
 * otherwise by asking for every value the flags left out (or gave wrong), checking each answer as it is
 * typed with the same readers `checkAppSpec` uses and asking again until it is valid.
 */
import type { OptionName, PlacementCode } from '@imkit/frame/placements';
import { placementCatalog, placementCodes } from '@imkit/frame/placements';
import {
  type AppAnswers,
  type Read,
  readDescription,
  readName,
  readPlacement,
  readTitle,
} from './app-spec.js';
import type { CreateArgs } from './cli-args.js';
import { CreateError } from './create-error.js';
import { optionFlags, placementOptionNames, readOption, suggestedOptions } from './placement-options.js';
import type { PromptIO } from './prompt-io.js';

/** Wrong answers in a row before the session gives up (piped input must not loop forever). */
const maxAttempts = 5;

/** `my-app` → `My app`. */
export function titleFromName(name: string): string {
  const words = name.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

async function ask<T>(
  io: PromptIO,
  label: string,
  read: (text: string) => Read<T>,
  fallback: string | undefined,
): Promise<T> {
  const shown = fallback === undefined ? '' : ` [${fallback === '' ? 'none' : fallback}]`;
  for (let attempt = 1; ; attempt++) {
    const typed = (await io.question(`${label}${shown}: `)).trim();
    const result = read(typed === '' && fallback !== undefined ? fallback : typed);
    if (result.ok) return result.value;
    io.write(`  ✗ ${result.message}\n`);
    if (attempt >= maxAttempts)
      throw new CreateError('ABORTED', '', `${label}: no valid answer after ${attempt} tries`);
  }
}

/** The flag's value when it reads well; otherwise undefined (and, when asking, the reason is shown). */
function flagValue(io: PromptIO | null, text: string | undefined, read: (text: string) => Read<unknown>) {
  if (text === undefined) return undefined;
  const result = read(text);
  if (result.ok) return text;
  if (io) io.write(`  ✗ ${result.message}\n`);
  return undefined;
}

/** The value of a read already known to succeed (a flag `flagValue` accepted). */
function accepted<T>(read: Read<T>): T {
  if (!read.ok) throw new CreateError('INVALID_VALUE', '', read.message);
  return read.value;
}

function missing(field: string, flag: string): never {
  throw new CreateError('INVALID_VALUE', field, `--${flag} is required with --yes`);
}

export interface AnswerChecks {
  /** Extra check of the name (the CLI refuses existing folders as the name is typed). */
  readonly nameProblem?: (name: string) => string | null;
}

export async function collectAnswers(
  args: CreateArgs,
  io: PromptIO | null,
  checks: AnswerChecks = {},
): Promise<AppAnswers> {
  const readNameHere = (text: string): Read<string> => {
    const read = readName(text);
    const problem = read.ok ? (checks.nameProblem?.(read.value) ?? null) : null;
    return problem ? { ok: false, message: `--name: ${problem}` } : read;
  };
  if (!io) {
    const name = args.name ?? missing('name', 'name');
    const placement = args.placement ?? missing('placement', 'placement');
    const code = readPlacement(placement);
    return {
      name,
      placement,
      title: args.title ?? titleFromName(name),
      description: args.description ?? '',
      options: code.ok ? withSuggestions(code.value, args.options) : args.options,
    };
  }
  io.write('Create a chat app. Press Enter to take the value in [brackets].\n');
  const name =
    flagValue(io, args.name, readNameHere) ??
    (await ask(io, 'App name (folder and handler)', readNameHere, undefined));
  const placementFlag = flagValue(io, args.placement, readPlacement);
  if (placementFlag === undefined) {
    io.write(
      placementCodes
        .map((code, i) => `  ${i + 1}. ${code} — ${placementCatalog[code].openedFrom}\n`)
        .join(''),
    );
  }
  const placement = placementFlag
    ? accepted(readPlacement(placementFlag))
    : await ask(io, 'Placement (number or code)', readPlacement, undefined);
  const title =
    flagValue(io, args.title, readTitle) ?? (await ask(io, 'Title', readTitle, titleFromName(name)));
  const description =
    flagValue(io, args.description, readDescription) ?? (await ask(io, 'Description', readDescription, ''));
  const options: Partial<Record<OptionName, string>> = {};
  for (const option of placementOptionNames(placement)) {
    const read = (text: string) => readOption(placement, option, text);
    const given = flagValue(io, args.options[option], read);
    const suggested = String(suggestedOptions[option]);
    const value = given ?? String(await ask(io, `${option} (--${optionFlags[option]})`, read, suggested));
    if (value !== '') options[option] = value;
  }
  for (const key of Object.keys(args.options) as OptionName[]) {
    if (!placementOptionNames(placement).includes(key)) {
      io.write(`  ✗ --${optionFlags[key]} (${key}) is not an option of ${placement}; ignored\n`);
    }
  }
  return { name, placement, title, description, options };
}

/** The flags' options plus the suggested value of every option the placement stores and the flags left out. */
function withSuggestions(
  placement: PlacementCode,
  given: Readonly<Partial<Record<OptionName, string>>>,
): Partial<Record<OptionName, string>> {
  const options: Partial<Record<OptionName, string>> = { ...given };
  for (const name of placementOptionNames(placement)) {
    const suggested = String(suggestedOptions[name]);
    if (options[name] === undefined && suggested !== '') options[name] = suggested;
  }
  return options;
}
