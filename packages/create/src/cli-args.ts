/** Command-line flags of `pnpm create-app`, read with `node:util` `parseArgs` (strict: unknown flags fail). */
import { parseArgs } from 'node:util';
import type { OptionName } from '@imkit/frame/placements';
import { CreateError } from './create-error.js';
import { optionFlags } from './placement-options.js';

export const usage = `Usage: pnpm create-app [--name <name>] [--placement <code>] [--title <text>] [options] [--yes]

Creates apps/<name>/ (placement.ts, zustand store, Preact UI, unit test) and e2e/<name>.spec.ts.
Without --yes it asks for every value not given as a flag and checks each answer as it is typed.

  --name <name>          folder, handler path and package name (lower case, a-z 0-9 - . _)
  --placement <code>     IM_NAVIGATION, IM_TEXTAREA, IM_SIDEBAR, IM_CONTEXT_MENU or IM_SMILES_SELECTOR
  --title <text>         the title the chat shows (at most 50 characters)
  --description <text>   a one-line description (optional)
  --icon <fa-name>       iconName, a Font Awesome 4 class (NAVIGATION, TEXTAREA, SIDEBAR)
  --context <list>       ALL, USER, CHAT, LINES, CRM or a ;-list such as USER;CHAT (not NAVIGATION)
  --role <role>          USER or ADMIN
  --extranet <Y|N>       whether extranet users see the app
  --color <name>         TEXTAREA and SIDEBAR: RED, GREEN, MINT, AZURE, … (empty: the host picks)
  --width <px>           TEXTAREA popup width
  --height <px>          TEXTAREA popup height
  --dir <path>           the workspace root (default: found from the current folder)
  --yes, -y              do not ask: use the flags and the suggested defaults
  --help, -h             this text
`;

export interface CreateArgs {
  readonly help: boolean;
  readonly yes: boolean;
  readonly dir: string | undefined;
  readonly name: string | undefined;
  readonly placement: string | undefined;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly options: Readonly<Partial<Record<OptionName, string>>>;
}

const optionNames = Object.keys(optionFlags) as OptionName[];

const stringFlag = { type: 'string' } as const;

const flagSpec = {
  help: { type: 'boolean', short: 'h' },
  yes: { type: 'boolean', short: 'y' },
  dir: stringFlag,
  name: stringFlag,
  placement: stringFlag,
  title: stringFlag,
  description: stringFlag,
  icon: stringFlag,
  context: stringFlag,
  role: stringFlag,
  extranet: stringFlag,
  color: stringFlag,
  width: stringFlag,
  height: stringFlag,
} as const;

function parseFlags(argv: readonly string[]) {
  try {
    // `pnpm create-app -- --help` passes the separator through; dropped so the flags after it still count.
    return parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      strict: true,
      allowPositionals: false,
      options: flagSpec,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CreateError('USAGE', 'argv', `${message}\nRun with --help for the list of flags.`);
  }
}

export function parseCreateArgs(argv: readonly string[]): CreateArgs {
  const { values } = parseFlags(argv);
  const options: Partial<Record<OptionName, string>> = {};
  for (const name of optionNames) {
    const value = values[optionFlags[name] as keyof typeof values];
    if (typeof value === 'string') options[name] = value;
  }
  return {
    help: values.help === true,
    yes: values.yes === true,
    dir: values.dir,
    name: values.name,
    placement: values.placement,
    title: values.title,
    description: values.description,
    options,
  };
}
