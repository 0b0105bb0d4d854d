/**
 * `npm create imkit@latest [dir] [--placement <CODE>]… [--yes] [--packages-from <dir>]`. Without --yes
 * it asks for the folder and the placements not given. Bad input: one line on stderr, exit 2, nothing
 * written.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { placementCodes } from '@imkit/frame/placements';
import {
  CreateImkitError,
  checkPlacements,
  createProject,
  detectPackageManager,
  type PackageManager,
} from './create-project.js';

export const usage = `Usage: npm create imkit@latest [dir] -- [--placement <CODE>]… [--yes] [--packages-from <dir>]
  Creates a standalone Bitrix24 chat-app project: one app per placement, unit and e2e tests, README.
  --placement <CODE>      ${placementCodes.join(', ')} (repeatable; default IM_SIDEBAR)
  --yes, -y               do not ask: use the flags and the defaults
  --packages-from <dir>   depend on the imkit .tgz files in <dir> (file: specs) instead of the registry
  --help, -h              this text`;

export interface CreateIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Asks one question; absent when there is nobody to ask. */
  readonly ask?: ((question: string) => Promise<string>) | undefined;
}

const cliVersion = '^0.1.0';

function runCommand(pm: PackageManager, script: string): string {
  return pm === 'npm' ? `npm run ${script}` : `${pm} ${script}`;
}

export async function runCreate(argv: readonly string[], io: CreateIo): Promise<number> {
  let values: { placement?: string[]; yes?: boolean; 'packages-from'?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      allowPositionals: true,
      strict: true,
      options: {
        placement: { type: 'string', multiple: true },
        yes: { type: 'boolean', short: 'y' },
        'packages-from': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr(`create-imkit: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  try {
    if (positionals.length > 1) throw new CreateImkitError(`one folder, got ${positionals.join(' ')}`);
    const interactive = !values.yes && io.ask !== undefined;
    let dir = positionals[0];
    if (dir === undefined && interactive)
      dir = (await io.ask!('Project folder (my-imkit-app): ')).trim() || 'my-imkit-app';
    dir ??= 'my-imkit-app';
    let codes = values.placement ?? [];
    if (codes.length === 0 && interactive) {
      const answer = await io.ask!(
        `Placements, comma-separated (${placementCodes.join(', ')}) [IM_SIDEBAR]: `,
      );
      codes = answer
        .split(',')
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean);
    }
    if (codes.length === 0) codes = ['IM_SIDEBAR'];
    const placements = checkPlacements(codes);
    const { resolve } = await import('node:path');
    const target = resolve(io.cwd, dir);
    const files = createProject({
      dir: target,
      placements,
      packagesFrom:
        values['packages-from'] === undefined ? undefined : resolve(io.cwd, values['packages-from']),
      imkitVersion: cliVersion,
    });
    const pm = detectPackageManager(io.env.npm_config_user_agent);
    io.stdout(`created ${target} (${files.length} files): ${placements.join(', ')}`);
    io.stdout(
      `next:\n  cd ${dir}\n  ${pm} install\n  ${runCommand(pm, 'dev')}\n  ${pm === 'npm' ? 'npm test' : `${pm} test`}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CreateImkitError) {
      io.stderr(`create-imkit: ${error.message}`);
      return error.exitCode;
    }
    io.stderr(`create-imkit failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

export function processIo(): CreateIo {
  const rl = process.stdin.isTTY
    ? createInterface({ input: process.stdin, output: process.stdout })
    : undefined;
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    ask: rl === undefined ? undefined : (question) => rl.question(question),
  };
}
