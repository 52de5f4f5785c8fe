import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';

/** A file of a source tree read safely, or why it was not read. */
export type TreeFileRead =
  | { readonly ok: true; readonly text: string; readonly mtimeMs: number; readonly size: number }
  | { readonly ok: false; readonly problem: string; readonly missing: boolean };

/**
 * Reads `rel` below `root` (a real path) as text, only when it is a regular file inside the tree and at most
 * `maxBytes` long: a symlink that leads out of the tree (`net/core/Makefile -> /etc/shadow`) is not followed, a
 * device or FIFO is not read (`/dev/zero` never ends, a FIFO waits forever). Synchronous: thousands of small files
 * read faster this way than through the thread pool.
 */
export function readTreeFileSync(root: string, rel: string, maxBytes: number): TreeFileRead {
  if (rel.startsWith('/') || rel.split('/').includes('..')) {
    return { ok: false, problem: `${rel}: a path outside the tree, not read`, missing: false };
  }
  let real: string;
  try {
    real = realpathSync.native(join(root, rel));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, problem: `${rel}: ${code}`, missing: code === 'ENOENT' };
  }
  if (!real.startsWith(root + sep)) {
    return { ok: false, problem: `${rel}: a link to outside the tree, not followed`, missing: false };
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: `real` has no links left to follow.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | constants.O_NOCTTY);
  } catch (error) {
    return { ok: false, problem: `${rel}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, missing: false };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, problem: `${rel}: not a regular file, not read`, missing: false };
    if (st.size > maxBytes)
      return { ok: false, problem: `${rel}: larger than ${maxBytes} bytes, skipped`, missing: false };
    const buffer = Buffer.allocUnsafe(st.size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > st.size) return { ok: false, problem: `${rel}: grew while read, skipped`, missing: false };
    }
    return { ok: true, text: buffer.toString('utf8', 0, length), mtimeMs: st.mtimeMs, size: st.size };
  } catch (error) {
    return { ok: false, problem: `${rel}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, missing: false };
  } finally {
    closeSync(fd);
  }
}
