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

    it('saves and finds an installation by member_id and by domain, field for field', async () => {
      const installation = sampleInstallation();
      await store.save(installation);
      expect(await store.findByMemberId(installation.memberId)).toEqual(installation);
      expect(await store.findByDomain(installation.domain)).toEqual(installation);
    });

    it('keeps a null token expiry null', async () => {
      const installation = sampleInstallation({ accessExpiresAt: null });
      await store.save(installation);
      expect((await store.findByMemberId(installation.memberId))?.accessExpiresAt).toBeNull();
    });

    it('answers null for unknown member_id and domain, and lookups are exact', async () => {
      const installation = sampleInstallation();
      await store.save(installation);
      expect(await store.findByMemberId('nobody')).toBeNull();
      expect(await store.findByDomain('unknown.bitrix24.test')).toBeNull();
      expect(await store.findByDomain(installation.domain.toUpperCase())).toBeNull();
      expect(await store.findByDomain(`${installation.domain}.evil.example`)).toBeNull();
      expect(await store.findByMemberId(`${installation.memberId}%`)).toBeNull();
    });

    it('replaces an installation saved again with the same member_id', async () => {
      const first = sampleInstallation();
      await store.save(first);
      const second = { ...first, accessToken: 'new-access', domain: `renamed-${first.domain}` };
      await store.save(second);
      expect(await store.findByMemberId(first.memberId)).toEqual(second);
      expect(await store.findByDomain(first.domain)).toBeNull();
    });

    it('refuses a second portal with a domain already installed, and writes nothing', async () => {
      const first = sampleInstallation();
      await store.save(first);
      const intruder = sampleInstallation({ domain: first.domain });
      await expect(store.save(intruder)).rejects.toBeInstanceOf(InstallationConflictError);
      expect(await store.findByMemberId(intruder.memberId)).toBeNull();
      expect(await store.findByDomain(first.domain)).toEqual(first);
    });

    it('deletes by member_id and reports whether a row went', async () => {
      const installation = sampleInstallation();
      await store.save(installation);
      expect(await store.delete(installation.memberId)).toBe(true);
      expect(await store.findByMemberId(installation.memberId)).toBeNull();
      expect(await store.delete(installation.memberId)).toBe(false);
    });

    it('stores values with quotes and unicode verbatim (parameterised SQL)', async () => {
      const installation = sampleInstallation({ scope: "it's; DROP TABLE imkit_installations; -- ✓" });
      await store.save(installation);
      expect((await store.findByMemberId(installation.memberId))?.scope).toBe(installation.scope);
    });
  });
}
