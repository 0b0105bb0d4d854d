import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteInstallationStore, StoreLockedError } from '../src/store/index.js';
import { describeInstallationStore, sampleInstallation } from './installation-store.suite.js';

describeInstallationStore('PGlite (in memory)', () => openPgliteInstallationStore());

describe('PGlite store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imkit-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps installations across reopen and applies migrations once', async () => {
    const installation = sampleInstallation();
    const first = await openPgliteInstallationStore(dir);
    await first.insert(installation);
    await first.close();
    const second = await openPgliteInstallationStore(dir);
    expect(await second.findByMemberId(installation.memberId)).toEqual(installation);
    await second.close();
  }, 60_000);

  it('lets one process at a time open a folder: a second opener is refused with StoreLockedError', async () => {
    const first = await openPgliteInstallationStore(dir);
    await expect(openPgliteInstallationStore(dir)).rejects.toBeInstanceOf(StoreLockedError);
    await expect(openPgliteInstallationStore(dir)).rejects.toThrow(/in use by another process \(pid \d+\)/);
    await first.close();
    const again = await openPgliteInstallationStore(dir);
    await again.close();
  }, 60_000);

  it('refuses a second process on the folder, and takes over a lock left by a dead process', async () => {
    const first = await openPgliteInstallationStore(dir);
    const script = `import('${pathToFileURL(join(import.meta.dirname, '../src/store/store-lock.ts')).href}').then((m) => { try { m.lockStoreFolder(${JSON.stringify(resolve(dir))}); console.log('locked'); } catch (e) { console.log(e.name); } })`;
    const other = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(other.stdout.trim()).toBe('StoreLockedError');
    await first.close();
    writeFileSync(`${resolve(dir)}.lock`, '999999999\n');
    const taken = await openPgliteInstallationStore(dir);
    await taken.close();
  }, 60_000);
});
