/**
 * The `imkit` command: `dev`, `placements plan|apply`, `serve`, `conformance`. Each subcommand is the package's own
 * code path (`runDev` of @imkit/emulator, the installer's CLI, `startServer` of @imkit/server), run on
 * the project in the current folder (`./apps`). Bad input is one line and exit 2; no stack traces.
 */
import { join, resolve } from 'node:path';

export const imkitUsage = `Usage: imkit <command> [options]
  imkit dev                 the emulated Bitrix24 portal with your apps' placements, served by Vite (HMR)
  imkit dev --handler-base <url>
                            the same, framing the apps your own dev server serves on loopback
  imkit placements plan|apply --portal <url> --access-token <token>
                            register the apps' placements on a portal (the installer)
  imkit serve               the handler server over the built apps (apps/<name>/dist)
  imkit conformance --against <portal url>
                            probe a real portal and a fresh emulator, print where their answers differ
  imkit <command> --help    the options of one command`;

export const serveUsage = `Usage: imkit serve [--apps <dir>] [--port <n>] [--host <host>]
  Serves the built apps (<apps>/<name>/dist) with the imkit handler server: POST launches, install
  events, verified legacy launches. Settings also come from the environment: PORT (8080), HOST
  (127.0.0.1), IMKIT_APPS_DIR, IMKIT_STORE (PGlite folder, default ./.imkit-data/pglite), DATABASE_URL,
  IMKIT_SESSION_SECRET (required with NODE_ENV=production), IMKIT_HANDLER_BASE, IMKIT_CLIENT_ID.
  --apps <dir>    apps folder (default ./apps)
  --port <n>      port (PORT)
  --host <host>   interface (HOST)
  --help          show this text`;

export interface ImkitIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

export function defaultIo(): ImkitIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  };
}

class ServeUsageError extends Error {}

/** `imkit serve` options → the server's environment. */
export function serveEnv(
  argv: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {
    ...env,
    IMKIT_APPS_DIR: env.IMKIT_APPS_DIR ?? join(cwd, 'apps'),
    IMKIT_STORE: env.IMKIT_STORE ?? join(cwd, '.imkit-data', 'pglite'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    const names: Record<string, string> = { '--apps': 'IMKIT_APPS_DIR', '--port': 'PORT', '--host': 'HOST' };
    const name = names[arg];
    if (name === undefined) throw new ServeUsageError(`unknown option ${arg}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new ServeUsageError(`${arg} needs a value`);
    out[name] = arg === '--apps' ? resolve(cwd, value) : value;
  }
  return out;
}

/**
 * Runs one `imkit` command line. Resolves with the exit code, or `null` while a server keeps running
 * (`dev`, `serve`; they stop on Ctrl-C).
 */
export async function runImkit(argv: readonly string[], io: ImkitIo = defaultIo()): Promise<number | null> {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(imkitUsage);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'dev': {
      const { runDevCli } = await import('@imkit/emulator/dev');
      return runDevCli(rest, {
        appsDir: join(io.cwd, 'apps'),
        command: 'imkit dev',
        env: io.env,
        log: io.stdout,
      });
    }
    case 'placements': {
      const { runCli } = await import('@imkit/installer/node');
      const withApps = rest.includes('--apps') ? rest : [...rest, '--apps', join(io.cwd, 'apps')];
      return runCli(withApps, { stdout: io.stdout, stderr: io.stderr, env: io.env, cwd: io.cwd });
    }
    case 'serve': {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(serveUsage);
        return 0;
      }
      let env: Record<string, string | undefined>;
      try {
        env = serveEnv(rest, io.cwd, io.env);
      } catch (error) {
        io.stderr(`imkit serve: ${(error as Error).message}\n\n${serveUsage}`);
        return 2;
      }
      const { runServerCli } = await import('@imkit/server');
      return runServerCli(env, 'imkit serve');
    }
    case 'conformance': {
      const { runConformanceCli } = await import('@imkit/emulator/conformance');
      return runConformanceCli(rest, io);
    }
    default:
      io.stderr(`imkit: unknown command "${command}"\n\n${imkitUsage}`);
      return 2;
  }
}
