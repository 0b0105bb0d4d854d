import { afterAll, describe, expect, it } from 'vitest';
import { createServer, ServerConfigError, type ServerOptions } from '../src/server.js';
import { makeAppsDir, sessionSecret, unreachableStore } from './server-fixture.js';

const apps = makeAppsDir();
afterAll(() => apps.remove());

/** Options as a JavaScript caller or a config reader can pass them, unchecked by the compiler. */
function withOption(name: string, value: unknown): ServerOptions {
  return { store: unreachableStore, sessionSecret, appsDir: apps.dir, [name]: value } as ServerOptions;
}

function expectConfigError(options: ServerOptions, option: string) {
  let thrown: unknown;
  try {
    createServer(options);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ServerConfigError);
  expect((thrown as Error).message).toContain(option);
}

describe('createServer validates its options', () => {
  // Issue #16: 0, -1 and NaN were accepted, then every legacy launch answered 500.
  it.each([0, -1, Number.NaN, 1.5, 901, Number.POSITIVE_INFINITY, '60'])(
    'refuses sessionTtlSeconds %s',
    (value) => {
      expectConfigError(withOption('sessionTtlSeconds', value), 'sessionTtlSeconds');
    },
  );

  it.each([1, 60, 900])('accepts sessionTtlSeconds %s', (value) => {
    expect(() => createServer(withOption('sessionTtlSeconds', value))).not.toThrow();
  });

  it.each([0, -1, Number.NaN, 2.5, 1024 * 1024 + 1, '65536'])('refuses bodyLimitBytes %s', (value) => {
    expectConfigError(withOption('bodyLimitBytes', value), 'bodyLimitBytes');
  });

  it('accepts bodyLimitBytes up to 1 MiB and enforces it', async () => {
    const app = createServer(withOption('bodyLimitBytes', 16));
    const response = await app.request('/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'x'.repeat(17),
    });
    expect(response.status).toBe(413);
    expect(() => createServer(withOption('bodyLimitBytes', 1024 * 1024))).not.toThrow();
  });

  it.each([
    ['portalTimeoutMs', 0],
    ['portalTimeoutMs', Number.NaN],
    ['oauth', 'an app'],
    ['maxUnprovenInstallsPerMinute', 0],
    ['basePath', 42],
    ['basePath', '/a b/'],
    ['production', 'yes'],
    ['sessionSecret', 12345],
    ['appsDir', ''],
    ['apps', 'im-sidebar'],
    ['installFrameAncestors', []],
    ['installFrameAncestors', 'https:'],
    ['installFrameAncestors', ["https://a.test; script-src 'unsafe-inline'"]],
    ['installFrameAncestors', ['https://a.test, https://b.test']],
    ['installFrameAncestors', ['https://a.test https://b.test']],
    ['confirmInstall', true],
    ['log', 'console'],
  ])('refuses %s = %j', (name, value) => {
    expectConfigError(withOption(name, value), name);
  });

  it('refuses a store that is not one, and apps together with appsDir', () => {
    expectConfigError({ ...withOption('store', {}) }, 'store');
    expectConfigError(withOption('apps', { 'x/': `${apps.dir}/im-sidebar/dist` }), 'appsDir');
  });

  it('accepts a valid frame-ancestors list', async () => {
    const app = createServer(withOption('installFrameAncestors', ["'self'", 'https://*.bitrix24.test']));
    expect((await app.request('/install/')).headers.get('content-security-policy')).toBe(
      "frame-ancestors 'self' https://*.bitrix24.test",
    );
  });
});
