import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig } from '../src/config.js';

const production = {
  NODE_ENV: 'production',
  IMKIT_SESSION_SECRET: 's'.repeat(40),
  IMKIT_CLIENT_ID: 'app.client',
  IMKIT_CLIENT_SECRET: 'app-secret',
};

describe('readServerConfig: settings every process of a fleet shares', () => {
  it('bounds shutdown, the cache and the store by default', () => {
    expect(readServerConfig({})).toMatchObject({
      shutdownTimeoutMs: 10_000,
      storeCacheSize: 1000,
      storeTimeoutMs: 5000,
    });
    expect(
      readServerConfig({
        IMKIT_SHUTDOWN_TIMEOUT_MS: '0',
        IMKIT_STORE_CACHE_SIZE: '0',
        IMKIT_STORE_TIMEOUT_MS: '250',
      }),
    ).toMatchObject({ shutdownTimeoutMs: 0, storeCacheSize: 0, storeTimeoutMs: 250 });
  });

  it.each([
    ['IMKIT_SHUTDOWN_TIMEOUT_MS', '-1'],
    ['IMKIT_SHUTDOWN_TIMEOUT_MS', '600001'],
    ['IMKIT_STORE_CACHE_SIZE', '1e3'],
    ['IMKIT_STORE_TIMEOUT_MS', '0'],
    ['IMKIT_STORE_TIMEOUT_MS', 'soon'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => readServerConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readServerConfig({ [name]: value })).toThrow(name);
  });

  it('production starts only with every shared secret, none made up per process', () => {
    expect(readServerConfig(production).sessionSecret).toBe(production.IMKIT_SESSION_SECRET);
    for (const name of ['IMKIT_SESSION_SECRET', 'IMKIT_CLIENT_ID', 'IMKIT_CLIENT_SECRET'] as const) {
      expect(() => readServerConfig({ ...production, [name]: undefined })).toThrow(name);
    }
  });
});
