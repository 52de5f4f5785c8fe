import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { processAlive } from './process-alive.js';

// Temp files and directories kgap writes beside their final name: `<name>.tmp-<pid>[-<ms>]` (write-atomic.ts,
// the mirror's init, tarball extraction). A killed run leaves them; nobody else would ever remove them.
const TEMP_RE = /\.tmp-(\d+)(?:-\d+)?$/;
const DIRS = ['', 'tree', 'kbuild', 'kbuild-src', 'code'];

/**
 * Removes temp files that a dead kgap left in the cache (their PID no longer runs). Temps of a live process are
 * kept: another kgap may be writing them right now. Returns how many were removed.
 */
export async function removeStaleTemps(cacheDir: string): Promise<number> {
  let removed = 0;
  for (const sub of DIRS) {
    const dir = join(cacheDir, sub);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number(TEMP_RE.exec(name)?.[1]);
      if (!pid || processAlive(pid)) continue;
      await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}
