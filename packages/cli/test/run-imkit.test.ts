import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ImkitIo, runImkit, serveEnv } from '../src/index.js';

function io(cwd = process.cwd()): ImkitIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, env: {}, stdout: (l) => out.push(l), stderr: (l) => err.push(l), out, err };
}

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) reject(new Error('no address'));
      else resolve({ server, port: address.port });
    });
  });
}

afterEach(() => vi.restoreAllMocks());

describe('imkit', () => {
  it('without a command prints the usage and exits 2; --help exits 0', async () => {
    const none = io();
    expect(await runImkit([], none)).toBe(2);
    expect(none.err.join('\n')).toContain('imkit dev');
    const help = io();
    expect(await runImkit(['--help'], help)).toBe(0);
    expect(help.out.join('\n')).toContain('imkit placements plan|apply');
  });

  it('an unknown command is named, exit 2', async () => {
    const run = io();
    expect(await runImkit(['deploy'], run)).toBe(2);
    expect(run.err.join('\n')).toContain('unknown command "deploy"');
  });

  // The first call of each command imports its package (Vite, the installer, the server): seconds on a
  // busy machine, so this test is bounded by a minute rather than vitest's default 5 s.
  it('dev --help, placements --help and serve --help describe their options', {
    timeout: 60_000,
  }, async () => {
    const dev = io();
    expect(await runImkit(['dev', '--help'], dev)).toBeNull();
    expect(dev.out.join('\n')).toContain('--handler-base <url>');
    const placements = io();
    expect(await runImkit(['placements', '--help'], placements)).toBe(0);
    expect(placements.out.join('\n')).toContain('--access-token');
    const serve = io();
    expect(await runImkit(['serve', '--help'], serve)).toBe(0);
    expect(serve.out.join('\n')).toContain('IMKIT_SESSION_SECRET');
  });

  it('serve: options become the server settings; an unknown one is exit 2', async () => {
    expect(serveEnv(['--port', '9000', '--apps', 'web'], '/p', {})).toMatchObject({
      PORT: '9000',
      IMKIT_APPS_DIR: '/p/web',
      IMKIT_STORE: '/p/.imkit-data/pglite',
    });
    const run = io();
    expect(await runImkit(['serve', '--tls'], run)).toBe(2);
    expect(run.err.join('\n')).toContain('unknown option --tls');
  });

  it('dev on a busy port says which port and how to choose another, without a stack trace', async () => {
    const { server, port } = await occupyPort();
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    const cwd = mkdtempSync(join(tmpdir(), 'imkit-cli-'));
    mkdirSync(join(cwd, 'apps'));
    try {
      expect(await runImkit(['dev', '--port', String(port), '--memory'], io(cwd))).toBe(1);
    } finally {
      server.close();
    }
    expect(errors.join('\n')).toBe(
      `imkit dev: port ${port} is already in use; choose another with --port <n> (or IMKIT_EMULATOR_PORT=<n>)`,
    );
  });

  it('dev --handler-base off loopback is refused, exit 2', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    const cwd = mkdtempSync(join(tmpdir(), 'imkit-cli-'));
    mkdirSync(join(cwd, 'apps'));
    expect(await runImkit(['dev', '--handler-base', 'https://apps.example.com/'], io(cwd))).toBe(2);
    expect(errors.join('\n')).toContain('--handler-base must be on loopback');
  });
});
