/**
 * Holds the portal state in memory and persists it atomically (temp file + rename) after every change,
 * unless it runs memory-only (`stateFile: null`).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PortalState } from './portal-state.js';
import { readSeed } from './seed.js';

export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

export interface PortalStoreOptions {
  /** Where the state is persisted; null keeps it in memory only. */
  readonly stateFile: string | null;
  /** Start from the seed even when a state file exists. */
  readonly fresh: boolean;
  readonly seedPath: string | undefined;
  /** Whether a seeded portal starts with the app's install finished. */
  readonly installed: boolean;
}

function isPortalState(value: unknown): value is PortalState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const arrays = [
    'users',
    'chats',
    'messages',
    'bindings',
    'tokens',
    'webhooks',
    'legacyApps',
    'firstRunDone',
  ];
  return (
    v.version === 1 &&
    typeof v.portal === 'object' &&
    v.portal !== null &&
    typeof v.nextId === 'object' &&
    typeof v.currentUserId === 'number' &&
    arrays.every((key) => Array.isArray(v[key]))
  );
}

/** A state persisted before app events existed gets their empty fields (nothing else changes). */
function withAppEventFields(state: PortalState): PortalState {
  const loose = state as Partial<PortalState>;
  const nextId: Partial<PortalState['nextId']> = loose.nextId ?? {};
  return {
    ...state,
    eventBindings: loose.eventBindings ?? [],
    offlineEvents: loose.offlineEvents ?? [],
    installation: loose.installation ?? null,
    nextId: {
      ...state.nextId,
      eventBinding: nextId.eventBinding ?? 1,
      offlineEvent: nextId.offlineEvent ?? 1,
    },
  };
}

export class PortalStore {
  state: PortalState;

  constructor(private readonly options: PortalStoreOptions) {
    this.state = this.load();
  }

  private seeded(): PortalState {
    const state = readSeed(this.options.seedPath);
    state.portal.installed = this.options.installed;
    return state;
  }

  private load(): PortalState {
    const file = this.options.stateFile;
    if (file === null || this.options.fresh || !existsSync(file)) {
      const state = this.seeded();
      this.write(state);
      return state;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new StateFileError(
        `${file} is not readable JSON (${(error as Error).message}); start with --fresh to reseed`,
      );
    }
    if (!isPortalState(parsed)) {
      throw new StateFileError(`${file} is not an emulator state (version 1); start with --fresh to reseed`);
    }
    return withAppEventFields(parsed);
  }

  private write(state: PortalState): void {
    const file = this.options.stateFile;
    if (file === null) return;
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
  }

  /** Persists the current state (call after every change). */
  save(): void {
    this.write(this.state);
  }

  /** Back to the seed. */
  reset(): void {
    this.state = this.seeded();
    this.write(this.state);
  }
}
