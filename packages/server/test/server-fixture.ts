import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { confirmInstallWithPortal } from '../src/portal-confirmation.js';
import { createServer, type ServerOptions } from '../src/server.js';
import type { InstallationStore } from '../src/store/installation.js';
import { issuedTokensPortal } from './scripted-portal.js';

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

export function testServer(
  store: InstallationStore,
  appsDir: string,
  extra: Partial<ServerOptions> = {},
): { app: Hono; logs: string[] } {
  const logs: string[] = [];
  // The real confirmation logic against scripted portals that accept only the tokens they issued.
  const confirmInstall = confirmInstallWithPortal({ fetch: issuedTokensPortal().fetch });
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

/** An install event form exactly as the portal posts it. */
export function installForm(overrides: Record<string, string | null> = {}): URLSearchParams {
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
    'auth[refresh_token]': portal.refreshToken,
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
