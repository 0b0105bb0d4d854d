import type { Installation, InstallationStore } from './installation.js';

export interface InstallationCacheOptions {
  /** Most installations kept; the least recently used goes first. 0 turns the cache off. */
  readonly maxEntries: number;
  /** An entry older than this is read again, whatever the invalidations said. */
  readonly maxAgeMs: number;
}

/** A store with a per-process cache of `findByMemberId` / `findByDomain`, and the cache's controls. */
export interface CachedInstallationStore {
  readonly store: InstallationStore;
  /** Drops `memberId`'s entry (another process changed or deleted the installation). */
  evict(memberId: string): void;
  /** Clears the cache and bypasses it until `resume()`: invalidations are not arriving, never serve stale. */
  suspend(): void;
  /** Clears the cache (notifications may have been missed) and uses it again. */
  resume(): void;
  /** Installations held now. */
  readonly size: number;
}

interface Entry {
  readonly installation: Installation;
  readonly cachedAt: number;
}

/**
 * Puts a bounded LRU cache in front of the two lookups launches use. Every write through this store
 * evicts its member at once; writes by other processes arrive through `evict` (PostgreSQL
 * `LISTEN/NOTIFY`). A lookup that overlapped any eviction is not cached, so a reply read before a change
 * can never be stored after the change's eviction. The cache starts suspended; call `resume()` once
 * invalidations flow.
 */
export function cacheInstallations(
  store: InstallationStore,
  options: InstallationCacheOptions,
): CachedInstallationStore {
  const byMember = new Map<string, Entry>();
  const memberOfDomain = new Map<string, string>();
  let live = false;
  /** Bumped by every eviction: a lookup started at another generation is not cached. */
  let generation = 0;

  /** Removes an entry; not an invalidation (its own slot, or the LRU bound). */
  const drop = (memberId: string): void => {
    const entry = byMember.get(memberId);
    if (entry === undefined) return;
    byMember.delete(memberId);
    if (memberOfDomain.get(entry.installation.domain) === memberId) {
      memberOfDomain.delete(entry.installation.domain);
    }
  };
  const evict = (memberId: string): void => {
    generation += 1;
    drop(memberId);
  };
  const clear = (): void => {
    generation += 1;
    byMember.clear();
    memberOfDomain.clear();
  };
  const fresh = (memberId: string | undefined): Installation | null => {
    if (memberId === undefined) return null;
    const entry = byMember.get(memberId);
    if (entry === undefined) return null;
    if (Date.now() - entry.cachedAt > options.maxAgeMs) {
      drop(memberId);
      return null;
    }
    // Map keeps insertion order: re-inserting makes this the most recently used.
    byMember.delete(memberId);
    byMember.set(memberId, entry);
    return entry.installation;
  };
  const remember = (installation: Installation | null, startedAt: number): Installation | null => {
    if (installation === null || !live || startedAt !== generation || options.maxEntries === 0) {
      return installation;
    }
    drop(installation.memberId);
    byMember.set(installation.memberId, { installation, cachedAt: Date.now() });
    memberOfDomain.set(installation.domain, installation.memberId);
    while (byMember.size > options.maxEntries) {
      const oldest = byMember.keys().next().value;
      if (oldest === undefined) break;
      drop(oldest);
    }
    return installation;
  };
  const written = <T>(memberId: string, result: T): T => {
    evict(memberId);
    return result;
  };

  const cached: InstallationStore = {
    ...store,
    insert: async (installation) => written(installation.memberId, await store.insert(installation)),
    replace: async (installation, expectedEpoch) =>
      written(installation.memberId, await store.replace(installation, expectedEpoch)),
    update: async (memberId, expectedEpoch, changes) =>
      written(memberId, await store.update(memberId, expectedEpoch, changes)),
    delete: async (memberId, expectedEpoch) => written(memberId, await store.delete(memberId, expectedEpoch)),
    forget: evict,
    async findByMemberId(memberId) {
      const hit = live ? fresh(memberId) : null;
      if (hit !== null) return hit;
      const startedAt = generation;
      return remember(await store.findByMemberId(memberId), startedAt);
    },
    async findByDomain(domain) {
      const hit = live ? fresh(memberOfDomain.get(domain)) : null;
      if (hit !== null && hit.domain === domain) return hit;
      const startedAt = generation;
      return remember(await store.findByDomain(domain), startedAt);
    },
  };
  return {
    store: cached,
    evict,
    suspend() {
      live = false;
      clear();
    },
    resume() {
      clear();
      live = true;
    },
    get size() {
      return byMember.size;
    },
  };
}

/** The cache settings both stores take when opened. */
export interface StoreCacheOptions {
  /** Installations cached per process (LRU). Default 1000; 0 turns the cache off. */
  readonly cacheSize?: number;
  /** Longest an entry is served without reading it again, in ms. Default 60 000. */
  readonly cacheMaxAgeMs?: number;
}

function integerOption(name: string, value: number | undefined, fallback: number, min: number, max: number) {
  const chosen = value ?? fallback;
  if (!Number.isInteger(chosen) || chosen < min || chosen > max) {
    throw new RangeError(`store: ${name} must be an integer from ${min} to ${max}, got ${chosen}`);
  }
  return chosen;
}

/** The cache's settings with their defaults; a RangeError names an option out of range. */
export function installationCacheOptions(options: StoreCacheOptions): InstallationCacheOptions {
  return {
    maxEntries: integerOption('cacheSize', options.cacheSize, 1000, 0, 1_000_000),
    maxAgeMs: integerOption('cacheMaxAgeMs', options.cacheMaxAgeMs, 60_000, 1, 86_400_000),
  };
}
