import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { confirmInstallWithOAuth } from '../src/install-confirmation.js';
import { createOAuthClient } from '../src/oauth-client.js';
import { createServer, type ServerOptions } from '../src/server.js';
import type { InstallationStore } from '../src/store/installation.js';
import { type ScriptedOAuth, type ScriptedPortal, scriptedOAuth } from './scripted-oauth.js';

export const sessionSecret = 'test-session-secret-0123456789abcdef';
export const portal = {
  memberId: 'member0123456789abcdef',
  domain: 'portal.bitrix24.test',
  origin: 'https://portal.bitrix24.test',
  applicationToken: 'c917d38f6bdb84e9d9e0bfe9d585be73',
  accessToken: 'lh8ze36o8ulgrljbyscr36c7ay5sinva',
  refreshToken: '5f1ih5tsnsb11sc5heg3kp4ywqnjhd09',
};

/** A folder with three built apps: a placement app, the legacy chat app and the install page. */
export function makeAppsDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'imkit-apps-'));
  const app = (name: string, manifest?: object) => {
    mkdirSync(join(dir, name, 'dist', 'assets'), { recursive: true });
    writeFileSync(
      join(dir, name, 'dist', 'index.html'),
      `<!doctype html><html><head><title>${name}</title></head><body>${name}</body></html>`,
    );
    writeFileSync(join(dir, name, 'dist', 'assets', 'main.js'), `console.log(${JSON.stringify(name)});`);
    if (manifest) writeFileSync(join(dir, name, 'package.json'), JSON.stringify(manifest));
  };
  app('im-sidebar');
  app('legacy-chat-app', { name: 'legacy', imkit: { launch: 'chat-app' } });
  app('install');
  writeFileSync(join(dir, 'secret.txt'), 'outside the dist');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A store no test may reach: requests decided before any lookup use it. */
export const unreachableStore: InstallationStore = {
  insert: () => Promise.reject(new Error('unexpected insert')),
  replace: () => Promise.reject(new Error('unexpected replace')),
  update: () => Promise.reject(new Error('unexpected update')),
  findByMemberId: () => Promise.reject(new Error('unexpected lookup')),
  findByDomain: () => Promise.reject(new Error('unexpected lookup')),
  listHashesOlderThan: () => Promise.reject(new Error('unexpected list')),
  delete: () => Promise.reject(new Error('unexpected delete')),
  sql: {
    query: () => Promise.reject(new Error('unexpected query')),
    transaction: () => Promise.reject(new Error('unexpected transaction')),
    script: () => Promise.reject(new Error('unexpected script')),
    close: () => Promise.resolve(),
  },
  close: () => Promise.resolve(),
};

/** The OAuth server every test server proves installs with; `installForm` takes its refresh tokens from it. */
export const oauth: ScriptedOAuth = scriptedOAuth();
export const otherPortal: ScriptedPortal = {
  memberId: 'other-member',
  domain: 'other.bitrix24.test',
  origin: 'https://other.bitrix24.test',
};

export function testServer(
  store: InstallationStore,
  appsDir: string,
  extra: Partial<ServerOptions> = {},
): { app: Hono; logs: string[] } {
  const logs: string[] = [];
  oauth.behaviour = { kind: 'grant' };
  // The real OAuth proof against a scripted OAuth server.
  const confirmInstall = confirmInstallWithOAuth(
    createOAuthClient({
      clientId: 'app.client',
      clientSecret: 'app-secret',
      production: extra.production === true,
      request: oauth.request,
      timeoutMs: 2000,
    }),
  );
  const app = createServer({
    store,
    appsDir,
    sessionSecret,
    log: (line) => logs.push(line),
    confirmInstall,
    ...extra,
  });
  return { app, logs };
}

/**
 * An install event form exactly as the portal posts it, with a fresh refresh token that the scripted
 * OAuth server issued for `issuedBy` (the fixture portal unless said), whatever the form claims.
 */
export function installForm(
  overrides: Record<string, string | null> = {},
  issuedBy: ScriptedPortal = portal,
): URLSearchParams {
  const fields: Record<string, string | null> = {
    event: 'ONAPPINSTALL',
    'data[VERSION]': '1',
    'data[LANGUAGE_ID]': 'en',
    ts: '1700000000',
    'auth[access_token]': portal.accessToken,
    'auth[expires_in]': '3600',
    'auth[scope]': 'imbot,placement',
    'auth[domain]': portal.domain,
    'auth[server_endpoint]': 'https://oauth.example.test/rest/',
    'auth[status]': 'L',
    'auth[client_endpoint]': `${portal.origin}/rest/`,
    'auth[member_id]': portal.memberId,
    'auth[user_id]': '1',
    'auth[refresh_token]': oauth.issue(issuedBy),
    'auth[application_token]': portal.applicationToken,
    ...overrides,
  };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== null) form.append(key, value);
  return form;
}

export function postForm(
  app: Hono,
  path: string,
  form: URLSearchParams | string,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: typeof form === 'string' ? form : form.toString(),
  });
}
