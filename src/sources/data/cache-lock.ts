import { lstat, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../domain/user-error.js';
import { limitOf } from '../io/input-limits.js';
import { cacheUnusable, guardCache } from './cache-fault.js';
import { processAlive, processStartTime } from './process-alive.js';
import { removeStaleTemps } from './stale-temps.js';

/** Who holds the lock, as its file says: `<pid> <start time>` (older kgap wrote the PID alone). */
type Holder = { readonly pid: number; readonly start: string | null; readonly ageSeconds: number };

async function readHolder(path: string): Promise<Holder | null> {
  const st = await lstat(path).catch(() => null);
  if (st === null) return null;
  // A directory (or anything else) named sync.lock is not kgap's: say so instead of failing on every run.
  if (!st.isFile()) throw cacheUnusable(join(path, '..'), path, 'sync.lock is not a file; remove it');
  const [pid = '', start = null] = (await readFile(path, 'utf8').catch(() => '')).trim().split(/\s+/);
  return { pid: Number(pid), start, ageSeconds: (Date.now() - st.mtimeMs) / 1000 };
}

/** True when the holder still runs: its PID is alive and (where /proc tells) is the same process that wrote it. */
function holderRuns(h: Holder): boolean {
  if (!Number.isInteger(h.pid) || h.pid <= 0 || h.pid === process.pid || !processAlive(h.pid)) return false;
  const now = h.start === null ? null : processStartTime(h.pid);
  return now === null || now === h.start;
}

/** How a lock wait is reported and bounded; defaults from KGAP_LOCK_WAIT_SECONDS and KGAP_LOCK_STALE_SECONDS. */
export type LockOptions = {
  readonly waitMs?: number;
  readonly staleMs?: number;
  /** Told once, at once, that kgap waits and for whom (stderr in the CLI). */
  readonly onWait?: ((message: string) => void) | null;
};

/**
 * Holds `<cacheDir>/sync.lock` while `fn` runs, so two syncs never write the index at once. A second kgap says at
 * once that it waits, and on whom, then waits for the first (up to the wait limit). A lock whose process is gone
 * (a killed sync; a PID reused by another process, told by its start time) is taken over, and so is a lock older
 * than the stale age even if its PID runs (a shared cache seen from another PID namespace). Temp files that dead
 * runs left are removed once the lock is held. Faults of the cache directory are one-line errors naming it.
 */
export async function withCacheLock<T>(cacheDir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? limitOf('lockWaitSeconds') * 1000;
  const staleMs = options.staleMs ?? limitOf('lockStaleSeconds') * 1000;
  const path = join(cacheDir, 'sync.lock');
  return guardCache(cacheDir, async () => {
    await mkdir(cacheDir, { recursive: true });
    const deadline = Date.now() + waitMs;
    let told = false;
    for (;;) {
      // Only the lock file's own creation may mean "held": an EEXIST thrown by the locked work is that work's error.
      const handle = await open(path, 'wx').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return null;
        throw error;
      });
      if (handle !== null) {
        try {
          // Closed whatever happens: a full disk fails the write, and a handle left to the garbage collector makes
          // Node print a warning after kgap's one-line error.
          await handle
            .writeFile(`${process.pid} ${processStartTime(process.pid) ?? ''}\n`)
            .finally(() => handle.close());
          await removeStaleTemps(cacheDir);
          return await fn();
        } finally {
          await rm(path, { force: true });
        }
      }
      const holder = await readHolder(path);
      if (holder !== null && holderRuns(holder) && holder.ageSeconds * 1000 < staleMs) {
        if (Date.now() > deadline) {
          throw new UserError(`another kgap (pid ${holder.pid}) is updating ${cacheDir}; wait for it to finish`);
        }
        if (!told) {
          told = true;
          options.onWait?.(
            `waiting for another kgap (pid ${holder.pid}, lock ${path} held ${Math.round(holder.ageSeconds)} s) to finish updating the cache; up to ${Math.round(waitMs / 1000)} s`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      if (holder !== null && holderRuns(holder)) {
        options.onWait?.(
          `taking over ${path}: held by pid ${holder.pid} for ${Math.round(holder.ageSeconds)} s, longer than any sync`,
        );
      }
      await rm(path, { force: true });
    }
  });
}
