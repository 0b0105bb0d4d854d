/**
 * `placement.bind` validation exactly as the host runs it (HOST-PROTOCOL.md §1–2). The emulator answers
 * with `error`; the installer reports every entry of `problems` before it sends anything.
 */
import {
  chatContexts,
  isPlacementCode,
  type OptionName,
  type PlacementCode,
  type PlacementSpec,
  placementCatalog,
  placementColors,
} from './catalog.js';

/** An error as the host returns it: HTTP status plus the REST error body. */
export interface HostError {
  readonly status: number;
  readonly error: string;
  readonly error_description: string;
  readonly argument?: string;
}

/** One failed rule, named by the field it concerns. */
export interface BindProblem {
  readonly field: string;
  readonly rule: string;
  readonly error: HostError;
}

export type NormalizedOptions = Readonly<Partial<Record<OptionName, string>>>;

export type OptionsCheck =
  | { readonly ok: true; readonly options: NormalizedOptions }
  | { readonly ok: false; readonly error: HostError; readonly problems: readonly BindProblem[] };

const optionErrorCodes: Record<OptionName, string> = {
  iconName: 'INVALID_ERROR_ICON_NAME',
  extranet: 'INVALID_ERROR_EXTRANET',
  context: 'INVALID_ERROR_CONTEXT',
  role: 'INVALID_ERROR_ROLE',
  color: 'INVALID_ERROR_COLOR',
  width: 'INVALID_ERROR_WIDTH',
  height: 'INVALID_ERROR_HEIGHT',
};

const optionRules: Record<OptionName, string> = {
  iconName: 'at most 50 characters, with at least one of a-z, A-Z, space or -',
  extranet: 'exactly Y or N',
  context: `';'-separated list of ${chatContexts.join(', ')}`,
  role: 'exactly USER or ADMIN',
  color: `empty or one of ${placementColors.join(', ')}`,
  width: 'an integer that is not negative',
  height: 'an integer that is not negative',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * PHP 7.1+ intval for the strings the host receives: leading whitespace, then the longest numeric
 * prefix (decimals and exponents included: `'1e3'` is 1000, `'-0.5'` is 0), truncated toward zero;
 * no numeric prefix is 0. Magnitudes beyond the safe integer range are clamped, keeping the sign.
 */
export function phpIntval(value: string): number {
  const match = /^[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/.exec(value);
  if (!match) return 0;
  const number = Math.trunc(Number(match[1]));
  if (number === 0) return 0;
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, number));
}

function asScalarString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? '1' : '';
  return null;
}

function optionValid(name: OptionName, value: string): boolean {
  switch (name) {
    case 'iconName':
      return value.length <= 50 && /[a-zA-Z -]/.test(value);
    case 'extranet':
      return value === 'Y' || value === 'N';
    case 'context':
      return value
        .trim()
        .split(';')
        .every((part) => (chatContexts as readonly string[]).includes(part));
    case 'role':
      return value === 'USER' || value === 'ADMIN';
    case 'color':
      return value === '' || (placementColors as readonly string[]).includes(value);
    case 'width':
    case 'height':
      return phpIntval(value) >= 0;
  }
}

function hostError(status: number, error: string, description: string, argument?: string): HostError {
  return argument === undefined
    ? { status, error, error_description: description }
    : { status, error, error_description: description, argument };
}

function optionProblem(name: OptionName): BindProblem {
  return {
    field: `OPTIONS.${name}`,
    rule: optionRules[name],
    error: hostError(200, optionErrorCodes[name], `Field ${name} is invalid.`),
  };
}

/**
 * Checks and normalizes the OPTIONS of one placement. Unknown keys are dropped, defaults filled in,
 * values kept as the strings the host stores. When several checks fail, `error` is the last failing
 * one in chain order (what the host reports, with HTTP 200) and `problems` lists them all.
 */
export function checkPlacementOptions(placement: PlacementCode, options: unknown): OptionsCheck {
  const spec: PlacementSpec = placementCatalog[placement];
  if (options !== undefined && options !== null && options !== '' && !isRecord(options)) {
    const error = hostError(
      400,
      'ERROR_ARGUMENT',
      "The value of an argument 'options' must be of type array",
    );
    return { ok: false, error, problems: [{ field: 'OPTIONS', rule: 'an object', error }] };
  }
  const given: Record<string, unknown> = isRecord(options) ? options : {};
  // A key set to `undefined` never reaches the host (JSON and form encoding drop it): treat it as absent.
  const has = (key: string) => Object.hasOwn(given, key) && given[key] !== undefined;
  if (spec.requiresIcon) {
    const icon = has('iconName') ? asScalarString(given.iconName) : null;
    if (icon === null || icon === '' || icon === '0') {
      const error = hostError(400, 'ERROR_ARGUMENT', "Argument 'iconName' is null or empty", 'iconName');
      return { ok: false, error, problems: [{ field: 'OPTIONS.iconName', rule: 'required', error }] };
    }
  }
  const normalized: Partial<Record<OptionName, string>> = {};
  const problems: BindProblem[] = [];
  for (const name of spec.options) {
    const raw = has(name) ? asScalarString(given[name]) : (spec.defaults[name] ?? '');
    if (raw === null || !optionValid(name, raw)) {
      problems.push(optionProblem(name));
      continue;
    }
    normalized[name] = name === 'width' || name === 'height' ? String(phpIntval(raw)) : raw;
  }
  const last = problems.at(-1);
  return last ? { ok: false, error: last.error, problems } : { ok: true, options: normalized };
}

/** A binding as the host stores it after a successful `placement.bind`. */
export interface CheckedBinding {
  readonly placement: PlacementCode;
  readonly handler: string;
  readonly options: NormalizedOptions;
  readonly title: string;
  readonly description: string;
  readonly groupName: string;
  readonly langAll: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export type BindCheck =
  | { readonly ok: true; readonly binding: CheckedBinding }
  | { readonly ok: false; readonly error: HostError; readonly problems: readonly BindProblem[] };

/** Why a handler URL is refused, or null when the host accepts it. */
export function handlerUrlProblem(handler: string): BindProblem | null {
  let url: URL;
  try {
    url = new URL(handler);
  } catch {
    url = new URL('invalid://');
  }
  if (url.hostname.indexOf('.') < 1) {
    return {
      field: 'HANDLER',
      rule: 'an absolute URL whose host name contains a dot (127.0.0.1 works, localhost does not)',
      error: hostError(400, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL'),
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      field: 'HANDLER',
      rule: 'http or https',
      error: hostError(400, 'ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported event handler protocol'),
    };
  }
  return null;
}

function stringField(params: Record<string, unknown>, key: string): string {
  const value = asScalarString(params[key]);
  return value ?? '';
}

function langAll(value: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (!isRecord(value)) return out;
  for (const [lang, texts] of Object.entries(value)) {
    if (!isRecord(texts)) continue;
    const entry: Record<string, string> = {};
    for (const key of ['TITLE', 'DESCRIPTION', 'GROUP_NAME']) {
      const text = asScalarString(texts[key]);
      if (text !== null) entry[key] = text;
    }
    out[lang] = entry;
  }
  return out;
}

/**
 * Runs the whole `placement.bind` chain on raw REST parameters, in the host's order. The host stops at
 * the first failing step; `problems` also lists what later independent steps would report, so a caller
 * can show every mistake at once.
 */
export function checkPlacementBind(params: unknown): BindCheck {
  const p: Record<string, unknown> = isRecord(params) ? params : {};
  const problems: BindProblem[] = [];
  const placementRaw = p.PLACEMENT;
  if (typeof placementRaw !== 'string') {
    problems.push({
      field: 'PLACEMENT',
      rule: 'a string',
      error: hostError(400, 'ERROR_ARGUMENT', "The value of an argument 'PLACEMENT' must be of type string"),
    });
  } else if (placementRaw === '') {
    problems.push({
      field: 'PLACEMENT',
      rule: 'not empty',
      error: hostError(400, 'ERROR_ARGUMENT', "Argument 'PLACEMENT' is null or empty", 'PLACEMENT'),
    });
  }
  const handler = stringField(p, 'HANDLER');
  if (handler === '') {
    problems.push({
      field: 'HANDLER',
      rule: 'not empty',
      error: hostError(400, 'ERROR_ARGUMENT', "Argument 'HANDLER' is null or empty", 'HANDLER'),
    });
  } else {
    const urlProblem = handlerUrlProblem(handler);
    if (urlProblem) problems.push(urlProblem);
  }
  const placement = typeof placementRaw === 'string' ? placementRaw.toUpperCase() : '';
  if (placement !== '' && !isPlacementCode(placement)) {
    problems.push({
      field: 'PLACEMENT',
      rule: 'a known placement code',
      error: hostError(400, 'ERROR_PLACEMENT_NOT_FOUND', 'Placement not found'),
    });
  }
  let options: NormalizedOptions = {};
  if (isPlacementCode(placement)) {
    const checked = checkPlacementOptions(placement, p.OPTIONS);
    if (checked.ok) options = checked.options;
    else problems.push(...orderOptionProblems(checked));
  }
  const userId = phpIntval(stringField(p, 'USER_ID'));
  if (userId > 0) {
    problems.push({
      field: 'USER_ID',
      rule: 'not set for chat placements',
      error: hostError(400, 'ERROR_PLACEMENT_USER_MODE', 'User mode is not available for this placement'),
    });
  }
  const first = problems[0];
  if (first) return { ok: false, error: first.error, problems };
  if (!isPlacementCode(placement)) throw new Error('unreachable: an unknown placement is always a problem');
  return {
    ok: true,
    binding: {
      placement,
      handler,
      options,
      title: stringField(p, 'TITLE'),
      description: stringField(p, 'DESCRIPTION'),
      groupName: stringField(p, 'GROUP_NAME'),
      langAll: langAll(p.LANG_ALL),
    },
  };
}

/** The option step reports its last failing check, so that one goes first among the option problems. */
function orderOptionProblems(checked: { error: HostError; problems: readonly BindProblem[] }): BindProblem[] {
  const reported = checked.problems.find((problem) => problem.error === checked.error);
  const rest = checked.problems.filter((problem) => problem !== reported);
  return reported ? [reported, ...rest] : [...checked.problems];
}
