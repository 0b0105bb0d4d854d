import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Installation,
  InstallationConflictError,
  type InstallationStore,
  migrations,
} from '../src/store/index.js';

let counter = 0;

/** A fresh, unique installation for one test. */
export function sampleInstallation(overrides: Partial<Installation> = {}): Installation {
  counter += 1;
  const id = `${Date.now().toString(16)}${counter.toString(16).padStart(4, '0')}`;
  return {
    memberId: `member${id}`,
    domain: `portal${id}.bitrix24.test`,
    portalOrigin: `https://portal${id}.bitrix24.test`,
    accessToken: `access${id}`,
    refreshToken: `refresh${id}`,
    accessExpiresAt: new Date('2030-01-01T00:00:00.000Z'),
    scope: 'imbot,placement',
    applicationToken: `apptoken${id}`,
    chatAppHash: `${id}`.padEnd(32, 'a').slice(0, 32),
    hashRotatedAt: new Date('2026-01-02T03:04:05.000Z'),
    chatAppIds: [],
    launchTokenRequired: false,
    needsReinstall: false,
    epoch: 1,
    installedAt: new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  };
}

/** The one test suite every `InstallationStore` implementation must pass. */
export function describeInstallationStore(name: string, open: () => Promise<InstallationStore>): void {
  describe(`InstallationStore: ${name}`, () => {
    let store: InstallationStore;
    beforeAll(async () => {
      store = await open();
    }, 60_000);
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(() => {
      expect(migrations.length).toBeGreaterThan(0);
    });

    it('inserts and finds an installation by member_id and by domain, field for field, at epoch 1', async () => {
      const installation = sampleInstallation({ chatAppIds: [3, 9], launchTokenRequired: true });
      expect(await store.insert(installation)).toEqual(installation);
      expect(await store.findByMemberId(installation.memberId)).toEqual(installation);
      expect(await store.findByDomain(installation.domain)).toEqual(installation);
    });

    it('keeps a null token expiry null', async () => {
      const installation = sampleInstallation({ accessExpiresAt: null });
      await store.insert(installation);
      expect((await store.findByMemberId(installation.memberId))?.accessExpiresAt).toBeNull();
    });

    it('answers null for unknown member_id and domain, and lookups are exact', async () => {
      const installation = sampleInstallation();
      await store.insert(installation);
      expect(await store.findByMemberId('nobody')).toBeNull();
      expect(await store.findByDomain('unknown.bitrix24.test')).toBeNull();
      expect(await store.findByDomain(installation.domain.toUpperCase())).toBeNull();
      expect(await store.findByDomain(`${installation.domain}.evil.example`)).toBeNull();
      expect(await store.findByMemberId(`${installation.memberId}%`)).toBeNull();
    });

    it('inserts only once: a second insert of the member_id writes nothing and answers null', async () => {
      const first = sampleInstallation();
      await store.insert(first);
      expect(await store.insert({ ...first, accessToken: 'second' })).toBeNull();
      expect(await store.findByMemberId(first.memberId)).toEqual(first);
    });

    it('replaces only at the expected epoch, bumping it; a stale replace writes nothing', async () => {
      const first = sampleInstallation();
      await store.insert(first);
      const second = { ...first, accessToken: 'new-access', domain: `renamed-${first.domain}` };
      expect(await store.replace(second, 1)).toEqual({ ...second, epoch: 2 });
      expect(await store.replace({ ...first, accessToken: 'stale' }, 1)).toBeNull();
      expect(await store.findByMemberId(first.memberId)).toEqual({ ...second, epoch: 2 });
      expect(await store.findByDomain(first.domain)).toBeNull();
      expect(await store.replace(sampleInstallation(), 1)).toBeNull();
    });

    it('of racing writers exactly one wins: concurrent inserts, and concurrent replaces at one epoch', async () => {
      const base = sampleInstallation();
      const inserts = await Promise.all(
        [1, 2, 3, 4].map((n) => store.insert({ ...base, chatAppHash: `${n}`.repeat(32) })),
      );
      expect(inserts.filter((row) => row !== null)).toHaveLength(1);
      const replaces = await Promise.all(
        [5, 6, 7, 8].map((n) => store.replace({ ...base, chatAppHash: `${n}`.repeat(32) }, 1)),
      );
      const winners = replaces.filter((row) => row !== null);
      expect(winners).toHaveLength(1);
      expect(await store.findByMemberId(base.memberId)).toEqual(winners[0]);
    });

    it('an uninstall racing a reinstall: both answers agree with the final state', async () => {
      const base = sampleInstallation();
      await store.insert(base);
      const [replaced, deleted] = await Promise.all([
        store.replace({ ...base, accessToken: 'reinstalled' }, 1),
        store.delete(base.memberId, 1),
      ]);
      expect((replaced !== null) !== deleted ? 'one won' : 'both or none').toBe('one won');
      const final = await store.findByMemberId(base.memberId);
      if (deleted) expect(final).toBeNull();
      else expect(final).toEqual(replaced);
    });

    it('updates fields only at the expected epoch, without a new epoch', async () => {
      const installation = sampleInstallation();
      await store.insert(installation);
      expect(
        await store.update(installation.memberId, 1, { launchTokenRequired: true, chatAppIds: [7] }),
      ).toBe(true);
      expect(await store.update(installation.memberId, 2, { accessToken: 'stale' })).toBe(false);
      expect(await store.findByMemberId(installation.memberId)).toEqual({
        ...installation,
        launchTokenRequired: true,
        chatAppIds: [7],
      });
    });

    it('lists installations whose HASH is older than a date, oldest first', async () => {
      const old = sampleInstallation({ hashRotatedAt: new Date('2001-01-01T00:00:00.000Z') });
      const older = sampleInstallation({ hashRotatedAt: new Date('2000-01-01T00:00:00.000Z') });
      await store.insert(old);
      await store.insert(older);
      const listed = await store.listHashesOlderThan(new Date('2002-01-01T00:00:00.000Z'), 10);
      expect(listed.map((row) => row.memberId)).toEqual([older.memberId, old.memberId]);
    });

    it('refuses a second portal with a domain already installed, and writes nothing', async () => {
      const first = sampleInstallation();
      await store.insert(first);
      const intruder = sampleInstallation({ domain: first.domain });
      await expect(store.insert(intruder)).rejects.toBeInstanceOf(InstallationConflictError);
      expect(await store.findByMemberId(intruder.memberId)).toBeNull();
      expect(await store.findByDomain(first.domain)).toEqual(first);
    });

    it('deletes by member_id (at an epoch when given) and reports whether a row went', async () => {
      const installation = sampleInstallation();
      await store.insert(installation);
      expect(await store.delete(installation.memberId, 2)).toBe(false);
      expect(await store.delete(installation.memberId, 1)).toBe(true);
      expect(await store.findByMemberId(installation.memberId)).toBeNull();
      expect(await store.delete(installation.memberId)).toBe(false);
    });

    it('stores values with quotes and unicode verbatim (parameterised SQL)', async () => {
      const installation = sampleInstallation({ scope: "it's; DROP TABLE imkit_installations; -- ✓" });
      await store.insert(installation);
      expect((await store.findByMemberId(installation.memberId))?.scope).toBe(installation.scope);
    });
  });
}
