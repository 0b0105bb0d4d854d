import { describe, expect, it, vi } from 'vitest';
import type { Installation, InstallationStore } from '../src/store/installation.js';
import { cacheInstallations, installationCacheOptions } from '../src/store/installation-cache.js';
import { unreachableStore } from './server-fixture.js';

function installation(memberId: string, epoch = 1): Installation {
  return {
    memberId,
    domain: `${memberId}.bitrix24.test`,
    portalOrigin: `https://${memberId}.bitrix24.test`,
    accessToken: 'access',
    refreshToken: 'refresh',
    accessExpiresAt: null,
    scope: 'im',
    applicationToken: 'application-token',
    chatAppHash: '0123456789abcdef0123456789abcdef',
    hashRotatedAt: new Date(0),
    chatAppIds: [],
    launchTokenRequired: false,
    needsReinstall: false,
    epoch,
    installedAt: new Date(0),
  };
}

/** A store over a map that counts its lookups; `hold` keeps the next lookup waiting until released. */
function countingStore() {
  const rows = new Map<string, Installation>();
  let lookups = 0;
  let held: { release: () => void } | null = null;
  const wait = async () => {
    lookups += 1;
    if (held === null) return;
    await new Promise<void>((resolve) => {
      if (held) held.release = resolve;
    });
  };
  const store: InstallationStore = {
    ...unreachableStore,
    async findByMemberId(memberId) {
      const row = rows.get(memberId) ?? null;
      await wait();
      return row;
    },
    async findByDomain(domain) {
      const row = [...rows.values()].find((candidate) => candidate.domain === domain) ?? null;
      await wait();
      return row;
    },
    async delete(memberId) {
      return rows.delete(memberId);
    },
  };
  return {
    store,
    rows,
    lookups: () => lookups,
    hold: () => {
      const handle = { release: () => {} };
      held = handle;
      return () => {
        held = null;
        handle.release();
      };
    },
  };
}

const options = { maxEntries: 3, maxAgeMs: 60_000 };

describe('installation cache', () => {
  it('answers repeated lookups by member and by domain from memory once live', async () => {
    const backing = countingStore();
    backing.rows.set('a', installation('a'));
    const cache = cacheInstallations(backing.store, options);
    await cache.store.findByMemberId('a');
    expect(backing.lookups()).toBe(1); // suspended at first: not cached
    cache.resume();
    await cache.store.findByMemberId('a');
    expect((await cache.store.findByMemberId('a'))?.memberId).toBe('a');
    expect((await cache.store.findByDomain('a.bitrix24.test'))?.memberId).toBe('a');
    expect(backing.lookups()).toBe(2);
    expect(await cache.store.findByDomain('b.bitrix24.test')).toBeNull();
    expect(await cache.store.findByDomain('b.bitrix24.test')).toBeNull();
    expect(backing.lookups()).toBe(4); // misses are never cached
  });

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const backing = countingStore();
    for (const id of ['a', 'b', 'c', 'd']) backing.rows.set(id, installation(id));
    const cache = cacheInstallations(backing.store, options);
    cache.resume();
    for (const id of ['a', 'b', 'c']) await cache.store.findByMemberId(id);
    await cache.store.findByMemberId('a'); // a is now the most recent
    await cache.store.findByMemberId('d'); // evicts b
    expect(cache.size).toBe(3);
    const before = backing.lookups();
    await cache.store.findByMemberId('a');
    await cache.store.findByDomain('c.bitrix24.test');
    expect(backing.lookups()).toBe(before);
    await cache.store.findByMemberId('b');
    expect(backing.lookups()).toBe(before + 1);
    expect(cache.size).toBe(3);
  });

  it('reads again after an eviction, a write through it, suspension, or maxAgeMs', async () => {
    const backing = countingStore();
    backing.rows.set('a', installation('a'));
    const cache = cacheInstallations(backing.store, { maxEntries: 10, maxAgeMs: 1 });
    cache.resume();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await cache.store.findByMemberId('a');
      await cache.store.findByMemberId('a');
      expect(backing.lookups()).toBe(1);
      vi.setSystemTime(Date.now() + 2);
      await cache.store.findByMemberId('a');
      expect(backing.lookups()).toBe(2);
    } finally {
      vi.useRealTimers();
    }

    const longer = cacheInstallations(backing.store, options);
    longer.resume();
    await longer.store.findByMemberId('a');
    backing.rows.set('a', installation('a', 2));
    longer.evict('a');
    expect((await longer.store.findByMemberId('a'))?.epoch).toBe(2);
    expect(await longer.store.delete('a')).toBe(true);
    expect(await longer.store.findByMemberId('a')).toBeNull();
    backing.rows.set('a', installation('a', 3));
    await longer.store.findByMemberId('a');
    longer.suspend();
    expect(longer.size).toBe(0);
    backing.rows.set('a', installation('a', 4));
    expect((await longer.store.findByMemberId('a'))?.epoch).toBe(4);
    expect(longer.size).toBe(0);
  });

  it('never stores a lookup that overlapped an eviction (the answer may predate the change)', async () => {
    const backing = countingStore();
    backing.rows.set('a', installation('a', 1));
    const cache = cacheInstallations(backing.store, options);
    cache.resume();
    const release = backing.hold();
    const racing = cache.store.findByMemberId('a'); // read epoch 1 ...
    backing.rows.set('a', installation('a', 2)); // ... another process writes epoch 2 and notifies
    cache.evict('a');
    release();
    expect((await racing)?.epoch).toBe(1);
    expect((await cache.store.findByMemberId('a'))?.epoch).toBe(2);
  });

  it('names the option out of range', () => {
    expect(() => installationCacheOptions({ cacheSize: -1 })).toThrow(/cacheSize/);
    expect(() => installationCacheOptions({ cacheMaxAgeMs: 0.5 })).toThrow(/cacheMaxAgeMs/);
    expect(installationCacheOptions({})).toEqual({ maxEntries: 1000, maxAgeMs: 60_000 });
  });
});
