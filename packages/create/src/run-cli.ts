/**
 * `runCli(argv, io, startDir)`: the whole `pnpm create-app` command, with its streams passed in so tests
 * drive it. Exit codes: 0 created, 1 refused (the message names the field) or failed, 2 bad flags.
 * Every failure is one line on stderr; nothing is thrown.
 */
import { relative } from 'node:path';
import { parseCreateArgs, usage } from './cli-args.js';
import { collectAnswers } from './collect-answers.js';
import { createApp } from './create-app.js';
import { CreateError } from './create-error.js';
import { readlineIO } from './prompt-io.js';
import { formatReport } from './report.js';
import { checkWorkspaceRoot, findWorkspaceRoot } from './workspace-root.js';
import { takenPath } from './write-app.js';

export interface CliStreams {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export async function runCli(argv: readonly string[], io: CliStreams, startDir: string): Promise<number> {
  try {
    const args = parseCreateArgs(argv);
    if (args.help) {
      io.stdout.write(usage);
      return 0;
    }
    const root = args.dir === undefined ? findWorkspaceRoot(startDir) : checkWorkspaceRoot(args.dir);
    const prompt = args.yes ? null : readlineIO(io.stdin, io.stdout);
    try {
      const answers = await collectAnswers(args, prompt, {
        nameProblem: (name) => {
          const taken = takenPath(root, name);
          return taken ? `${relative(root, taken)} already exists` : null;
        },
      });
      io.stdout.write(formatReport(await createApp(answers, { root })));
      return 0;
    } finally {
      prompt?.close();
    }
  } catch (error) {
    if (!(error instanceof CreateError)) {
      io.stderr.write(`create-app: UNEXPECTED: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    io.stderr.write(`create-app: ${error.code}${error.field ? ` (${error.field})` : ''}: ${error.message}\n`);
    return error.code === 'USAGE' ? 2 : 1;
  }
}
