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
 * Holds `<cacheDir>/sync.lock` while `fn` runs, so two syncs never write the index at once. A lock left by a
 * process that no longer exists (a killed sync) is taken over.
 */
export async function withCacheLock<T>(cacheDir: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, 'sync.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      try {
        return await fn();
      } finally {
        await rm(path, { force: true });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid) && pid !== process.pid) {
        throw new UserError(`another kgap sync (pid ${pid}) is updating ${cacheDir}; wait for it to finish`);
      }
      await rm(path, { force: true });
    }
  }
  throw new UserError(`cannot take the lock ${path}; remove it if no kgap is running`);
}
