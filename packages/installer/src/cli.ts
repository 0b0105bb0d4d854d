/**
 * `imkit placements plan|apply …`: loads `apps/*\/placement.ts`, plans or applies them on a portal with an
 * admin application token. Exit 0 when the portal matches the declarations, 1 on any failure, 2 on
 * usage errors. Results on stdout (a table, or JSON with --json), progress on stderr.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ApplyProgress, applyPlacements } from './apply.js';
import { type CliConfig, parseCliArgs, UsageError, usage } from './cli-args.js';
import { InstallerError } from './errors.js';
import { formatApplyResult, formatPlan } from './format-plan.js';
import { loadDeclarations } from './load-declarations.js';
import { createNodeRestClient } from './node-rest-client.js';
import { planPlacements } from './plan.js';
import type { RetryOptions } from './rate-limit.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder relative `--apps` paths are resolved against. */
  readonly cwd: string;
  readonly fetch?: typeof fetch;
  readonly retry?: RetryOptions;
}

function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    // `pnpm --filter … exec` runs in the package folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
}

function progressLine(event: ApplyProgress): string | null {
  switch (event.type) {
    case 'planned': {
      const count = event.plan.items.filter((item) =>
        ['bind', 'rebind', 'unbind'].includes(item.action),
      ).length;
      return `planned: ${count} change(s), ${event.plan.items.length} item(s)`;
    }
    case 'item': {
      const { item } = event;
      if (item.status === 'unchanged') return null;
      return item.error
        ? `✗ ${item.action} ${item.placement} ${item.handler}: ${item.error.code}`
        : `✓ ${item.action} ${item.placement} ${item.handler}`;
    }
    case 'retry':
      return `rate limited (${event.method}), retry ${event.attempt} in ${event.delayMs} ms`;
    case 'verified':
      return event.ok ? 'verified: the portal matches the declarations' : 'verification failed';
  }
}

async function run(config: CliConfig, io: CliIo): Promise<number> {
  const rest = createNodeRestClient({
    portal: config.portal,
    accessToken: config.accessToken,
    ...(config.refresh ?? {}),
    ...(config.oauthServer ? { oauthServer: config.oauthServer } : {}),
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
  io.stderr(`loading declarations from ${config.appsDir}`);
  const declarations = await loadDeclarations(config.appsDir, config.handlerBase);
  io.stderr(`${declarations.length} declaration(s): ${declarations.map((d) => d.app).join(', ') || 'none'}`);
  const options = {
    handlerBase: config.handlerBase,
    prune: config.prune,
    ...(io.retry ? { retry: io.retry } : {}),
  };
  if (config.command === 'plan') {
    const plan = await planPlacements(rest, declarations, options);
    io.stdout(config.json ? JSON.stringify(plan, null, 2) : formatPlan(plan));
    return plan.hasChanges ? 1 : 0;
  }
  const result = await applyPlacements(rest, declarations, {
    ...options,
    onProgress: (event) => {
      const line = progressLine(event);
      if (line !== null) io.stderr(line);
    },
  });
  io.stdout(config.json ? JSON.stringify(result, null, 2) : formatApplyResult(result));
  return result.ok ? 0 : 1;
}

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let request: ReturnType<typeof parseCliArgs>;
  try {
    request = parseCliArgs(argv, io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (request.help) {
    io.stdout(usage);
    return 0;
  }
  try {
    return await run(request, io);
  } catch (error) {
    if (
      error instanceof InstallerError &&
      (error.code === 'WEBHOOK_URL' || error.code === 'INVALID_OPTIONS')
    ) {
      io.stderr(`error: ${error.message}\n\n${usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`error: ${message}`);
    if (request.json) {
      const code =
        typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'ERROR';
      io.stdout(JSON.stringify({ ok: false, error: { code, message } }, null, 2));
    }
    return 1;
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  process.exitCode = await main(process.argv.slice(2));
}
