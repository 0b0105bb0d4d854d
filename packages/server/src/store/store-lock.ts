import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { StoreLockedError } from './installation.js';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes `<dataDir>.lock` for this process (created with O_EXCL, so two processes starting together cannot
 * both get it). A lock left by a process that is gone is taken over; one held by a live process, this one
 * included, throws `StoreLockedError`. Returns the release function.
 */
export function lockStoreFolder(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(lockFile);
      if (holder !== null && pidAlive(holder)) throw new StoreLockedError(dataDir, holder);
      if (holder === null && attempt === 0) {
        // Being written right now by a process that just created it, or left empty by a crash: look once more.
        const again = holderOf(lockFile);
        if (again !== null && pidAlive(again)) throw new StoreLockedError(dataDir, again);
      }
      rmSync(lockFile, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (holderOf(lockFile) === process.pid) rmSync(lockFile, { force: true });
    };
  }
  throw new StoreLockedError(dataDir, holderOf(lockFile));
}
