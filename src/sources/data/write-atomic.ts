import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

let writes = 0;

/**
 * Writes a file so that readers see the old content or the new, never a torn one: write a temp file beside it,
 * fsync, rename over. An interrupted run leaves the previous file intact.
 */
export async function writeFileAtomic(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Unique per call, not only per process and millisecond: two writes of one path at once (two boots sharing an
  // initramfs) must not share a temp file, or one rename finds it gone.
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}${++writes}`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
