import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteInstallationStore } from '../src/store/index.js';
import { describeInstallationStore, sampleInstallation } from './installation-store.suite.js';

describeInstallationStore('PGlite (in memory)', () => openPgliteInstallationStore());

describe('PGlite store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imkit-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps installations across reopen and applies migrations once', async () => {
    const installation = sampleInstallation();
    const first = await openPgliteInstallationStore(dir);
    await first.save(installation);
    await first.close();
    const second = await openPgliteInstallationStore(dir);
    expect(await second.findByMemberId(installation.memberId)).toEqual(installation);
    await second.close();
  }, 60_000);
});
