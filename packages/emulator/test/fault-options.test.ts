/**
 * Fault switches given in code: `startEmulator({faults})`, `RunningEmulator.setFaults()`, what a reset
 * restores, and the shell being told about each change (including a forced 503 being used up).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { harness } from './emulator-harness.js';

let installDir: string;

beforeAll(() => {
  installDir = mkdtempSync(join(tmpdir(), 'imkit-install-page-'));
  writeFileSync(join(installDir, 'index.html'), '<!doctype html><title>install</title>');
});

afterAll(() => rmSync(installDir, { recursive: true, force: true }));

describe('fault switches in code', () => {
  it('starts with the given faults, changes them with setFaults and resets to the start values', async () => {
    const emulator = await startEmulator({
      port: 0,
      stateFile: null,
      shell: false,
      faults: { fail503Count: 1, tokenTtlSeconds: 5 },
    });
    try {
      expect(emulator.runtime.faults).toEqual({
        latencyMs: 0,
        fail503Count: 1,
        tokenTtlSeconds: 5,
        operatingMsPerCall: 0,
      });
      expect(emulator.applicationToken(1).expires_in).toBe(5);
      const token = emulator.applicationToken(1).access_token;
      const call = () =>
        fetch(`${emulator.origin}/rest/user.current.json?auth=${token}`).then((r) => r.status);
      expect(await call()).toBe(503);
      expect(await call()).toBe(200);
      expect(emulator.setFaults({ fail503Count: 3, latencyMs: 20 })).toEqual({
        latencyMs: 20,
        fail503Count: 3,
        tokenTtlSeconds: 5,
        operatingMsPerCall: 0,
      });
      expect(() => emulator.setFaults({ latencyMs: -1 })).toThrow(
        'setFaults.latencyMs must be an integer from 0 to 60000',
      );
      expect(() => emulator.setFaults({ tokenTtlSeconds: 0.5 })).toThrow(/setFaults\.tokenTtlSeconds/);
      expect(emulator.runtime.faults.fail503Count).toBe(3);
      emulator.reset();
      expect(emulator.runtime.faults).toEqual({
        latencyMs: 0,
        fail503Count: 1,
        tokenTtlSeconds: 5,
        operatingMsPerCall: 0,
      });
    } finally {
      await emulator.close();
    }
  });

  it('refuses bad start faults naming the field, before listening', async () => {
    await expect(
      startEmulator({ port: 0, stateFile: null, shell: false, faults: { fail503Count: -2 } }),
    ).rejects.toThrow('faults.fail503Count must be an integer from 0 to 10000');
    const unknown = { latency: 5 } as unknown as { latencyMs: number };
    await expect(startEmulator({ port: 0, stateFile: null, shell: false, faults: unknown })).rejects.toThrow(
      'faults.latency must be a known fault switch',
    );
  });

  it('tells the shell when a forced 503 is used up', async () => {
    const { runtime, rest, token } = harness({ faults: { fail503Count: 1 } });
    const auth = (await token()).access_token;
    const seen: unknown[] = [];
    runtime.events.subscribe((event) => {
      if (event.name === 'state') seen.push(event.data);
    });
    expect((await rest('user.current', {}, auth)).body.error).toBe('QUERY_LIMIT_EXCEEDED');
    expect(seen).toEqual([expect.objectContaining({ faults: expect.objectContaining({ fail503Count: 0 }) })]);
  });
});

describe('serveApps.installPage', () => {
  it('points installHandler at the apps origin once it listens on port 0', async () => {
    const emulator = await startEmulator({
      port: 0,
      stateFile: null,
      shell: false,
      serveApps: { port: 0, dirs: { install: installDir }, installPage: 'install' },
    });
    try {
      expect(emulator.appsUrl).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*\/$/);
      expect(emulator.runtime.installHandler).toBe(`${emulator.appsUrl}install/`);
      const page = await fetch(`${emulator.runtime.installHandler}`, { method: 'POST' });
      expect(await page.text()).toContain('<title>install</title>');
    } finally {
      await emulator.close();
    }
  });

  it('refuses an install page that is not served, or one given twice', async () => {
    await expect(
      startEmulator({
        port: 0,
        stateFile: null,
        shell: false,
        serveApps: { dirs: {}, installPage: 'install' },
      }),
    ).rejects.toThrow('serveApps.installPage: "install" is not a key of serveApps.dirs');
    await expect(
      startEmulator({
        port: 0,
        stateFile: null,
        shell: false,
        installHandler: 'http://127.0.0.1:5173/install/',
        serveApps: { dirs: { install: installDir }, installPage: 'install' },
      }),
    ).rejects.toThrow(/not both/);
  });
});
