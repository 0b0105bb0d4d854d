import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorApp } from '../src/emulator-app.js';
import { StateFileError } from '../src/portal/state/portal-store.js';
import { SeedError, stateFromSeed } from '../src/portal/state/seed.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imkit-emulator-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function bindSidebar(app: ReturnType<typeof createEmulatorApp>['app']) {
  const token = (await (await app.request('/emulator/api/token')).json()) as { access_token: string };
  const response = await app.request('/rest/placement.bind', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: token.access_token,
      PLACEMENT: 'IM_SIDEBAR',
      HANDLER: 'http://127.0.0.1:5173/im-sidebar/',
      OPTIONS: { iconName: 'fa-bolt' },
    }),
  });
  expect(response.status).toBe(200);
  return token.access_token;
}

describe('state persistence', () => {
  it('persists atomically across restarts and reseeds with fresh', async () => {
    const file = join(tempDir(), 'nested', 'portal.json');
    const first = createEmulatorApp({ stateFile: file, shell: false });
    const auth = await bindSidebar(first.app);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(file, '..'))).toEqual(['portal.json']);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { bindings: unknown[] };
    expect(saved.bindings).toHaveLength(1);

    const second = createEmulatorApp({ stateFile: file, shell: false });
    expect(second.runtime.state.bindings).toHaveLength(1);
    const profile = await second.app.request('/rest/profile', {
      headers: { Authorization: `Bearer ${auth}` },
    });
    expect(profile.status).toBe(200);

    const fresh = createEmulatorApp({ stateFile: file, fresh: true, shell: false });
    expect(fresh.runtime.state.bindings).toEqual([]);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { bindings: unknown[] }).bindings).toEqual([]);
  });

  it('keeps memory-only state out of the file system', async () => {
    const { app, runtime } = createEmulatorApp({ stateFile: null, shell: false });
    await bindSidebar(app);
    expect(runtime.state.bindings).toHaveLength(1);
    expect(createEmulatorApp({ stateFile: null, shell: false }).runtime.state.bindings).toEqual([]);
  });

  it('refuses a corrupt state file with a typed error that says how to recover', () => {
    const file = join(tempDir(), 'portal.json');
    writeFileSync(file, '{"version":');
    expect(() => createEmulatorApp({ stateFile: file, shell: false })).toThrow(StateFileError);
    writeFileSync(file, '{"version":2}');
    expect(() => createEmulatorApp({ stateFile: file, shell: false })).toThrow(/--fresh/);
  });
});

describe('the seed fixture', () => {
  it('has the users and chats the emulator promises', () => {
    const { runtime } = createEmulatorApp({ stateFile: null, shell: false });
    const state = runtime.state;
    expect(state.users.some((u) => u.isAdmin)).toBe(true);
    expect(state.users.some((u) => u.isExtranet)).toBe(true);
    expect(state.users.some((u) => u.isBot)).toBe(true);
    expect(state.chats.map((c) => c.kind).sort()).toEqual([
      'chat',
      'crm',
      'lines',
      'private',
      'private',
      'private',
    ]);
    const lines = state.chats.find((c) => c.kind === 'lines');
    expect(lines?.session).toMatchObject({ operatorId: 3, crm: { entityType: 'LEAD' } });
    for (const chat of state.chats)
      expect(state.messages.filter((m) => m.chatId === chat.id).length).toBeGreaterThan(1);
    expect(state.messages.some((m) => m.links.length > 0)).toBe(true);
    expect(state.webhooks).toHaveLength(1);
  });

  it('names the bad field of a broken seed', () => {
    expect(() => stateFromSeed({ users: [{ id: 'one' }] }, 'x.json')).toThrow(SeedError);
    expect(() => stateFromSeed({ users: [{ id: 'one' }] }, 'x.json')).toThrow(/seed\.users\[0\]\.id/);
    expect(() => stateFromSeed([], 'x.json')).toThrow(/JSON object/);
  });

  it('starts with the install unfinished when installed is false', () => {
    const { runtime } = createEmulatorApp({ stateFile: null, shell: false, installed: false });
    expect(runtime.state.portal.installed).toBe(false);
  });
});
