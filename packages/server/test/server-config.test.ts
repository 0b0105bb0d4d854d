import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from '../src/config.js';

describe('readServerConfig', () => {
  it('has safe local defaults', () => {
    const config = readServerConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: null,
      production: false,
      storeDirIsDefault: true,
    });
    expect(config.sessionSecret).toBeUndefined();
    expect(config.oauth).toBeUndefined();
    expect(config.handlerBase.href).toBe('http://127.0.0.1:8080/');
    expect(config.storeDir).toMatch(/\.imkit-data\/pglite$/);
    expect(config.appsDir).toMatch(/\/apps$/);
  });

  it('reads every variable', () => {
    const config = readServerConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      IMKIT_APPS_DIR: '/srv/apps',
      IMKIT_STORE: '/var/lib/imkit',
      DATABASE_URL: 'postgresql://u@db/imkit',
      IMKIT_SESSION_SECRET: 's'.repeat(40),
      IMKIT_HANDLER_BASE: 'https://apps.example.test/chat',
      NODE_ENV: 'production',
      IMKIT_CLIENT_ID: 'local.6650f1d2c5a4e1.00000001',
      IMKIT_CLIENT_SECRET: 'app-secret',
      IMKIT_OAUTH_URL: 'https://oauth.example.test/oauth/token/',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      appsDir: '/srv/apps',
      storeDir: '/var/lib/imkit',
      storeDirIsDefault: false,
      databaseUrl: 'postgresql://u@db/imkit',
      production: true,
      oauth: {
        clientId: 'local.6650f1d2c5a4e1.00000001',
        clientSecret: 'app-secret',
        tokenUrl: 'https://oauth.example.test/oauth/token/',
      },
    });
    expect(config.handlerBase.href).toBe('https://apps.example.test/chat/');
  });

  it('takes the development values of NODE_ENV as development', () => {
    for (const mode of ['development', 'dev', 'test', '']) {
      expect(readServerConfig({ NODE_ENV: mode }).production).toBe(false);
    }
  });

  it('refuses production without a session secret, naming the variable', () => {
    expect(() => readServerConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => readServerConfig({ NODE_ENV: 'production' })).toThrow(/IMKIT_SESSION_SECRET is required/);
  });

  it.each([
    [{ IMKIT_SESSION_SECRET: 'short' }, /IMKIT_SESSION_SECRET/],
    [{ PORT: 'http' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ IMKIT_HANDLER_BASE: 'apps/' }, /IMKIT_HANDLER_BASE/],
    [{ IMKIT_HANDLER_BASE: 'ftp://x.test/' }, /IMKIT_HANDLER_BASE/],
    [{ IMKIT_CLIENT_ID: 'local.app id', IMKIT_CLIENT_SECRET: 's' }, /IMKIT_CLIENT_ID/],
    [{ IMKIT_CLIENT_ID: 'x'.repeat(257), IMKIT_CLIENT_SECRET: 's' }, /IMKIT_CLIENT_ID/],
    [{ IMKIT_CLIENT_ID: 'local.app' }, /go together/],
    [{ IMKIT_OAUTH_URL: 'not a url' }, /IMKIT_OAUTH_URL/],
    [{ NODE_ENV: 'Production' }, /NODE_ENV="Production" is ambiguous/],
    [{ NODE_ENV: 'prod' }, /ambiguous/],
    [{ NODE_ENV: ' production' }, /ambiguous/],
    [{ NODE_ENV: 'staging' }, /ambiguous/],
    [
      { NODE_ENV: 'production', IMKIT_SESSION_SECRET: 's'.repeat(40) },
      /IMKIT_CLIENT_ID and IMKIT_CLIENT_SECRET are required/,
    ],
    [
      {
        NODE_ENV: 'production',
        IMKIT_SESSION_SECRET: 's'.repeat(40),
        IMKIT_CLIENT_ID: 'a',
        IMKIT_CLIENT_SECRET: 'b',
        IMKIT_OAUTH_URL: 'http://oauth.example.test/',
      },
      /IMKIT_OAUTH_URL must be https/,
    ],
  ])('refuses %o', (env, message) => {
    expect(() => readServerConfig(env)).toThrow(message);
  });
});

describe('pnpm start (src/main.ts)', () => {
  it('refuses to start in production without a secret, with a clear message', () => {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd,
      env: { ...process.env, NODE_ENV: 'production', IMKIT_SESSION_SECRET: '', DATABASE_URL: '', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('IMKIT_SESSION_SECRET is required when NODE_ENV=production');
  }, 40_000);
});
