/**
 * The options an app declares for its placement, read from typed text (a flag or a prompt answer) and
 * checked one at a time with the host's own rules (`checkPlacementOptions` from the placement catalogue),
 * so a bad value is refused the moment it is typed, naming the option.
 */
import {
  checkPlacementOptions,
  type OptionName,
  type PlacementCode,
  placementCatalog,
} from '@imkit/frame/placements';

/** The command-line flag of each option (`--icon fa-book`). */
export const optionFlags: Readonly<Record<OptionName, string>> = {
  iconName: 'icon',
  extranet: 'extranet',
  context: 'context',
  role: 'role',
  color: 'color',
  width: 'width',
  height: 'height',
};

/** Option values as the declaration will hold them: numbers for width/height, strings otherwise. */
export type OptionValues = Readonly<Partial<Record<OptionName, string | number>>>;

export type OptionRead =
  | { readonly ok: true; readonly value: string | number }
  | { readonly ok: false; readonly message: string };

/** What the scaffolder proposes when an option is left out (the host's defaults, a usable popup size). */
export const suggestedOptions: Readonly<Record<OptionName, string | number>> = {
  iconName: 'fa-puzzle-piece',
  extranet: 'N',
  context: 'ALL',
  role: 'USER',
  color: '',
  width: 360,
  height: 420,
};

/** The options a placement stores, in the host's chain order. */
export function placementOptionNames(placement: PlacementCode): readonly OptionName[] {
  return placementCatalog[placement].options;
}

function describeOption(name: OptionName): string {
  return `--${optionFlags[name]} (${name})`;
}

/** Reads one option from text and checks it as the host would; `text` is trimmed first. */
export function readOption(placement: PlacementCode, name: OptionName, text: string): OptionRead {
  if (!placementOptionNames(placement).includes(name)) {
    return { ok: false, message: `${describeOption(name)} is not an option of ${placement}` };
  }
  const value = text.trim();
  if (name === 'width' || name === 'height') {
    if (!/^\d{1,6}$/.test(value)) {
      return {
        ok: false,
        message: `${describeOption(name)} must be a whole number of pixels, got "${text}"`,
      };
    }
    return { ok: true, value: Number(value) };
  }
  const given: Record<string, string> = { [name]: value };
  // Another option's icon requirement must not hide this option's own verdict.
  if (name !== 'iconName' && placementCatalog[placement].requiresIcon) given.iconName = 'fa-check';
  const checked = checkPlacementOptions(placement, given);
  if (checked.ok) return { ok: true, value };
  const problem = checked.problems.find((p) => p.field === `OPTIONS.${name}`);
  if (!problem) return { ok: true, value };
  const rule = problem.rule === 'required' ? 'is required' : `must be ${problem.rule}`;
  return {
    ok: false,
    message: `${describeOption(name)} ${rule}, got "${text}" (the host answers ${problem.error.error})`,
  };
}
