import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../domain/user-error.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Holds `<cacheDir>/sync.lock` while `fn` runs, so two syncs never write the index at once. A second kgap waits for
 * the first (up to `waitMs`); a lock left by a process that no longer exists (a killed sync) is taken over.
 */
export async function withCacheLock<T>(cacheDir: string, fn: () => Promise<T>, waitMs = 300_000): Promise<T> {
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, 'sync.lock');
  const deadline = Date.now() + waitMs;
  for (;;) {
    // Only the lock file's own creation may mean "held": an EEXIST thrown by the locked work is that work's error.
    const handle = await open(path, 'wx').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return null;
      throw error;
    });
    if (handle !== null) {
      try {
        await handle.writeFile(String(process.pid));
        await handle.close();
        return await fn();
      } finally {
        await rm(path, { force: true });
      }
    }
    {
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        if (Date.now() > deadline) {
          throw new UserError(`another kgap (pid ${pid}) is updating ${cacheDir}; wait for it to finish`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      await rm(path, { force: true });
    }
  }
}
