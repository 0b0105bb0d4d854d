/**
 * `pnpm create-app [flags]` (see `--help`). pnpm runs this in packages/create, so the workspace is found
 * from `INIT_CWD` — the folder the command was typed in — or given with `--dir`.
 */
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), process, process.env.INIT_CWD ?? process.cwd());
