/** Arguments of `tsx src/dev/cli.ts`; bad input is a `UsageError` naming the option. */
export interface CliArgs {
  readonly port: number;
  readonly host: string;
  readonly fresh: boolean;
  /** A state file path, null for memory only, undefined for the default file. */
  readonly stateFile: string | null | undefined;
  readonly appsPort: number | null;
  readonly serveDist: boolean;
  readonly help: boolean;
}

export const cliUsage = `Usage: tsx src/dev/cli.ts [options]
  --port <n>         portal port (default IMKIT_EMULATOR_PORT or 3000; 0 = any free port)
  --host <host>      interface to listen on (default 127.0.0.1)
  --fresh            start from seed/portal.json, ignoring the saved state
  --state <file>     state file (default .emulator-state/portal.json)
  --memory           keep the state in memory only
  --serve-dist       serve every apps/<name>/dist on a second origin and install their placements
  --apps-port <n>    port of that origin (default IMKIT_APPS_PORT or 5180)
  --help             show this text`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function port(option: string, value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65_535)
    throw new UsageError(`${option} needs a port number from 0 to 65535, got ${value ?? 'nothing'}`);
  return Number(value);
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  let portValue = env.IMKIT_EMULATOR_PORT ? port('IMKIT_EMULATOR_PORT', env.IMKIT_EMULATOR_PORT) : 3000;
  let host = '127.0.0.1';
  let fresh = false;
  let stateFile: string | null | undefined;
  let appsPort: number | null = null;
  let serveDist = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    // `pnpm … start -- --port 0` passes the separator through; it carries no meaning here.
    if (arg === '--') continue;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '--port':
        portValue = port(arg, value());
        break;
      case '--host':
        host = value();
        break;
      case '--fresh':
        fresh = true;
        break;
      case '--state':
        stateFile = value();
        break;
      case '--memory':
        stateFile = null;
        break;
      case '--apps-port':
        appsPort = port(arg, value());
        break;
      case '--serve-dist':
        serveDist = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (appsPort !== null && !serveDist) throw new UsageError('--apps-port needs --serve-dist');
  if (serveDist && appsPort === null)
    appsPort = env.IMKIT_APPS_PORT ? port('IMKIT_APPS_PORT', env.IMKIT_APPS_PORT) : 5180;
  return { port: portValue, host, fresh, stateFile, appsPort, serveDist, help };
}
