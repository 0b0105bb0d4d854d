import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAppPlacements, registerLegacySample } from '../src/dev/install-apps.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';

let appsDir: string;
let emulator: RunningEmulator;

function app(name: string, declaration: Record<string, unknown>): void {
  mkdirSync(join(appsDir, name));
  writeFileSync(join(appsDir, name, 'placement.ts'), `export default ${JSON.stringify(declaration)};\n`);
}

beforeAll(async () => {
  appsDir = mkdtempSync(join(tmpdir(), 'imkit-install-'));
  app('im-sidebar', {
    placement: 'IM_SIDEBAR',
    handler: 'im-sidebar/',
    title: { en: 'Insights' },
    options: { iconName: 'fa-bolt', context: 'CHAT;LINES' },
  });
  app('im-navigation', {
    placement: 'IM_NAVIGATION',
    handler: 'im-navigation/',
    title: { en: 'Home' },
    options: { iconName: 'fa-home' },
  });
  mkdirSync(join(appsDir, 'legacy-chat-app'));
  emulator = await startEmulator({ port: 0, stateFile: null, shell: false });
});

afterAll(async () => {
  await emulator.close();
  rmSync(appsDir, { recursive: true, force: true });
});

describe('installing apps the way pnpm dev does', () => {
  it('binds every declaration through the installer and is idempotent', async () => {
    const first = await installAppPlacements(emulator, appsDir, 'http://127.0.0.1:5173/');
    expect(first.ok).toBe(true);
    expect(emulator.state.bindings.map((b) => [b.placement, b.handler])).toEqual([
      ['IM_NAVIGATION', 'http://127.0.0.1:5173/im-navigation/'],
      ['IM_SIDEBAR', 'http://127.0.0.1:5173/im-sidebar/'],
    ]);
    const again = await installAppPlacements(emulator, appsDir, 'http://127.0.0.1:5173/');
    expect(again.ok).toBe(true);
    expect(emulator.state.bindings).toHaveLength(2);
  });

  it('prunes the bindings of an earlier run on another port', async () => {
    await installAppPlacements(emulator, appsDir, 'http://127.0.0.1:5173/');
    const moved = await installAppPlacements(emulator, appsDir, 'http://127.0.0.1:5199/');
    expect(moved.ok).toBe(true);
    expect(emulator.state.bindings.map((b) => [b.placement, b.handler])).toEqual([
      ['IM_NAVIGATION', 'http://127.0.0.1:5199/im-navigation/'],
      ['IM_SIDEBAR', 'http://127.0.0.1:5199/im-sidebar/'],
    ]);
  });

  it('registers the legacy sample once, owned by the seeded bot', async () => {
    const id = await registerLegacySample(emulator, appsDir, 'http://127.0.0.1:5173/');
    expect(id).toBe(1);
    expect(emulator.state.legacyApps[0]).toMatchObject({
      botId: 5,
      code: 'legacy-chat-app',
      iframe: 'http://127.0.0.1:5173/legacy-chat-app/',
    });
    expect(await registerLegacySample(emulator, appsDir, 'http://127.0.0.1:5173/')).toBe(1);
    const empty = mkdtempSync(join(tmpdir(), 'imkit-none-'));
    try {
      expect(await registerLegacySample(emulator, empty, 'http://127.0.0.1:5173/')).toBeNull();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
