import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Runs `use` with a new empty directory under `parent` (the system's temp dir, passed in) and removes the directory
 * afterwards, whether `use` succeeded or threw.
 */
export async function withScratchDir<T>(parent: string, prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(parent, prefix));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
