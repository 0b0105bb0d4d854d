/** Command-line arguments and environment of `imkit placements plan|apply …`. */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const usage = `Usage: imkit placements <plan|apply> --portal <url> --access-token <token> [options]

  plan     show what apply would change (exit 0: the portal matches, 1: changes pending or an error)
  apply    bind, rebind and (with --prune) unbind, then verify (exit 0: the portal matches)

Options (environment variable in brackets):
  --portal <url>          portal URL, https://x.bitrix24.com or http://127.0.0.1:3000 [IMKIT_PORTAL]
  --access-token <t>      an admin's application (OAuth) token; webhooks cannot bind [IMKIT_ACCESS_TOKEN]
  --refresh-token <t>     with --client-id and --client-secret: refresh an expired token once [IMKIT_REFRESH_TOKEN]
  --client-id <id>        [IMKIT_CLIENT_ID]
  --client-secret <s>     [IMKIT_CLIENT_SECRET]
  --oauth-server <url>    OAuth server (default https://oauth.bitrix.info; the portal itself for http://) [IMKIT_OAUTH_SERVER]
  --handler-base <url>    base URL of the apps' handlers (default http://127.0.0.1:5173/ for a local portal) [IMKIT_HANDLER_BASE]
  --apps <dir>            folder with <app>/placement.ts files (default ./apps)
  --prune                 also unbind handlers that are no longer declared
  --json                  print the plan/result as JSON on stdout
  --help                  this text
`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliConfig {
  readonly command: 'plan' | 'apply';
  readonly portal: string;
  readonly accessToken: string;
  readonly refresh: {
    readonly refreshToken: string;
    readonly clientId: string;
    readonly clientSecret: string;
  } | null;
  readonly oauthServer: string | null;
  readonly handlerBase: string;
  readonly appsDir: string;
  readonly prune: boolean;
  readonly json: boolean;
}

export type CliRequest = { readonly help: true } | ({ readonly help: false } & CliConfig);

export const defaultAppsDir = fileURLToPath(new URL('../../../apps/', import.meta.url));
export const devHandlerBase = 'http://127.0.0.1:5173/';

function isLocalPortal(portal: string): boolean {
  try {
    const url = new URL(portal);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Reads argv (without `node script`) and the environment; flags win over variables. Throws
 * `UsageError` with a message naming the flag.
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliRequest {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, ...extra] = positionals;
  if (command !== 'plan' && command !== 'apply') {
    throw new UsageError(
      command ? `unknown command "${command}" (plan or apply)` : 'missing command: plan or apply',
    );
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const pick = (flag: string | undefined, variable: string) => {
    const value = flag ?? env[variable];
    return value === undefined || value === '' ? undefined : value;
  };
  const portal = pick(values.portal, 'IMKIT_PORTAL');
  if (!portal) throw new UsageError('--portal is required (or IMKIT_PORTAL)');
  const accessToken = pick(values['access-token'], 'IMKIT_ACCESS_TOKEN');
  if (!accessToken) throw new UsageError('--access-token is required (or IMKIT_ACCESS_TOKEN)');
  const refreshToken = pick(values['refresh-token'], 'IMKIT_REFRESH_TOKEN');
  const clientId = pick(values['client-id'], 'IMKIT_CLIENT_ID');
  const clientSecret = pick(values['client-secret'], 'IMKIT_CLIENT_SECRET');
  const refreshParts = [refreshToken, clientId, clientSecret];
  if (refreshParts.some(Boolean) && !refreshParts.every(Boolean)) {
    throw new UsageError(
      '--refresh-token, --client-id and --client-secret go together: give all three or none',
    );
  }
  const handlerBase =
    pick(values['handler-base'], 'IMKIT_HANDLER_BASE') ??
    (isLocalPortal(portal) ? devHandlerBase : undefined);
  if (!handlerBase) {
    throw new UsageError('--handler-base is required for a non-local portal (or IMKIT_HANDLER_BASE)');
  }
  const apps = values.apps;
  return {
    help: false,
    command,
    portal,
    accessToken,
    refresh: refreshToken && clientId && clientSecret ? { refreshToken, clientId, clientSecret } : null,
    oauthServer: pick(values['oauth-server'], 'IMKIT_OAUTH_SERVER') ?? null,
    handlerBase,
    appsDir: apps === undefined ? defaultAppsDir : isAbsolute(apps) ? apps : resolve(cwd, apps),
    prune: values.prune ?? false,
    json: values.json ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    // `pnpm placements -- --help` passes the separator through; dropped so the flags after it still count.
    args: argv.filter((arg) => arg !== '--'),
    allowPositionals: true,
    strict: true,
    options: {
      portal: { type: 'string' },
      'access-token': { type: 'string' },
      'refresh-token': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'oauth-server': { type: 'string' },
      'handler-base': { type: 'string' },
      apps: { type: 'string' },
      prune: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
