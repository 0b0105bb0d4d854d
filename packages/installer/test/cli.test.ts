import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/node.js';
import {
  contextMenuSource,
  createTempApps,
  placementSource,
  sidebarSource,
  type TempApps,
} from './apps-dir.fixture.js';
import { createFakeHttpPortal, type FakeHttpPortal } from './fake-http-portal.js';
import { instantRetry } from './fake-portal.js';

let apps: TempApps;
let badApps: TempApps;
beforeAll(async () => {
  apps = await createTempApps();
  await apps.add('im-sidebar', sidebarSource);
  await apps.add('im-context-menu', contextMenuSource);
  badApps = await createTempApps();
  await badApps.add(
    'im-sidebar',
    placementSource(
      "placement: 'IM_SIDEBAR', handler: 'im-sidebar/', title: { en: 'x' }, options: { color: 'RED' } as never",
    ),
  );
});
afterAll(async () => {
  await apps.remove();
  await badApps.remove();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], http?: FakeHttpPortal, env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    cwd: '/',
    retry: instantRetry(),
    ...(http ? { fetch: http.fetch } : {}),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const local = (http: FakeHttpPortal) => [
  '--portal',
  http.origin,
  '--access-token',
  'access-1',
  '--apps',
  apps.dir,
];

describe('CLI arguments', () => {
  it.each([
    [[], /missing command: plan or apply/],
    [['deploy'], /unknown command "deploy"/],
    [
      ['plan', 'extra', '--portal', 'http://127.0.0.1:3000', '--access-token', 't'],
      /unexpected argument "extra"/,
    ],
    [['plan', '--bogus'], /Unknown option '--bogus'/],
    [['plan', '--access-token', 't'], /--portal is required/],
    [['apply', '--portal', 'http://127.0.0.1:3000'], /--access-token is required/],
    [
      ['plan', '--portal', 'http://127.0.0.1:3000', '--access-token', 't', '--refresh-token', 'r'],
      /go together/,
    ],
    [['plan', '--portal', 'https://x.bitrix24.com', '--access-token', 't'], /--handler-base is required/],
  ])('exits 2 with usage for %j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: imkit placements');
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a webhook portal URL, explaining that placements need an application token', async () => {
    const run = await cli([
      'apply',
      '--portal',
      'https://x.bitrix24.com/rest/1/abc/',
      '--access-token',
      't',
      '--handler-base',
      'https://a.example.com/',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/webhook URL.*application \(OAuth\) token/);
  });

  it('prints usage on stdout with --help and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--handler-base');
  });
});

describe('CLI plan and apply', () => {
  it('plans a fresh portal: exit 1 (changes pending), a table on stdout', async () => {
    const http = createFakeHttpPortal();
    const run = await cli(['plan', ...local(http)], http);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\+ bind\s+IM_CONTEXT_MENU\s+http:\/\/127\.0\.0\.1:5173\/im-context-menu\//);
    expect(run.stdout).toMatch(/\+ bind\s+IM_SIDEBAR/);
    expect(run.stderr).toContain('2 declaration(s): im-context-menu, im-sidebar');
    expect(http.portal.rows).toHaveLength(0);
  });

  it('applies, then re-runs with no change in one request; plan then exits 0', async () => {
    const http = createFakeHttpPortal();
    const first = await cli(['apply', ...local(http)], http);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^OK: the portal matches the declarations \(2 request\(s\)\)\.$/m);
    expect(first.stderr).toContain('✓ bind IM_SIDEBAR http://127.0.0.1:5173/im-sidebar/');
    expect(first.stderr).toContain('verified: the portal matches the declarations');
    http.exchanges.length = 0;
    const second = await cli(['apply', ...local(http)], http);
    expect(second.code).toBe(0);
    expect(http.exchanges).toHaveLength(1);
    expect(second.stdout).toContain('(1 request(s))');
    const plan = await cli(['plan', ...local(http)], http);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Nothing to change.');
  });

  it('reads settings from IMKIT_* variables and prints JSON with --json', async () => {
    const http = createFakeHttpPortal();
    const env = {
      IMKIT_PORTAL: http.origin,
      IMKIT_ACCESS_TOKEN: 'access-1',
      IMKIT_HANDLER_BASE: 'https://apps.example.com/base/',
    };
    const run = await cli(['apply', '--json', '--apps', apps.dir], http, env);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      requests: number;
      items: { handler: string; status: string }[];
    };
    expect(result.ok).toBe(true);
    expect(result.requests).toBe(2);
    expect(result.items.map((i) => [i.handler, i.status])).toEqual([
      ['https://apps.example.com/base/im-context-menu/', 'done'],
      ['https://apps.example.com/base/im-sidebar/', 'done'],
    ]);
    const plan = JSON.parse((await cli(['plan', '--json', '--apps', apps.dir], http, env)).stdout) as {
      hasChanges: boolean;
    };
    expect(plan.hasChanges).toBe(false);
  });

  it('refreshes an expired token when refresh credentials are given', async () => {
    const http = createFakeHttpPortal();
    http.expireNext = 1;
    const refresh = ['--refresh-token', 'refresh-1', '--client-id', 'local.app', '--client-secret', 'secret'];
    const run = await cli(['apply', ...local(http), ...refresh], http);
    expect(run.code).toBe(0);
    expect(http.exchanges.filter((e) => e.url.includes('/oauth/token/'))).toHaveLength(1);
  });

  it('exits 1 and names the item when the host refuses a command', async () => {
    const http = createFakeHttpPortal();
    http.portal.commandFault = (method, params) =>
      method === 'placement.bind' && params.PLACEMENT === 'IM_SIDEBAR'
        ? { code: 'INVALID_ERROR_COLOR', description: 'Field color is invalid.', status: 200, method }
        : null;
    const run = await cli(['apply', ...local(http)], http);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error: IM_SIDEBAR http://127.0.0.1:5173/im-sidebar/: bind failed — INVALID_ERROR_COLOR: Field color is invalid. (HTTP 200).',
    );
    expect(run.stderr).toContain('✗ bind IM_SIDEBAR http://127.0.0.1:5173/im-sidebar/: INVALID_ERROR_COLOR');
  });

  it('exits 1 naming the file when a declaration is invalid, before any request', async () => {
    const http = createFakeHttpPortal();
    const run = await cli(
      ['apply', '--portal', http.origin, '--access-token', 'access-1', '--apps', badApps.dir],
      http,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/im-sidebar \(.*placement\.ts\): IM_SIDEBAR im-sidebar\/ OPTIONS\.iconName/);
    expect(http.exchanges).toHaveLength(0);
  });

  it('exits 1 when the portal refuses the token', async () => {
    const http = createFakeHttpPortal();
    const run = await cli(
      ['plan', '--portal', http.origin, '--access-token', 'wrong', '--apps', apps.dir],
      http,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/placement\.get.*expired_token/);
  });

  it('with --json, a failure is JSON on stdout too, naming the step and the host error', async () => {
    const http = createFakeHttpPortal();
    const run = await cli(
      ['apply', '--json', '--portal', http.origin, '--access-token', 'wrong', '--apps', apps.dir],
      http,
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; error: { code: string; message: string } };
    expect(report).toMatchObject({ ok: false, error: { code: 'READ_FAILED' } });
    expect(report.error.message).toMatch(/placement\.get.*expired_token/);
  });

  it('runs as a script under tsx: usage errors exit 2', () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const result = spawnSync(tsx, ['src/cli.ts', 'plan'], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--portal is required');
    const help = spawnSync(tsx, ['src/cli.ts', '--help'], {
      cwd: packageDir,
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: imkit placements');
  });
});
