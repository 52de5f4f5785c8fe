/**
 * Reads the directories `kgap boot --add DIR` puts into the initramfs: each directory's tree is laid over the
 * initramfs root (DIR/tests/run lands at /tests/run), keeping permission bits and symbolic links, so a product can
 * bring its test programs and, for dynamically linked ones, the libraries they need.
 */
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInput } from '../../domain/invalid-input.js';
import { BASE_DIRS, type InitramfsFile, RESERVED_PATHS } from './write-initramfs.js';

// The initramfs lives in the guest's memory (512 MB on x86-64): beyond this it would not fit beside the kernel.
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

type Walk = { files: InitramfsFile[]; bytes: number; from: Map<string, string> };

async function walk(root: string, rel: string, out: Walk): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = rel === '' ? e.name : `${rel}/${e.name}`;
    const full = join(root, path);
    if (e.isDirectory()) {
      await walk(root, path, out);
      continue;
    }
    if (RESERVED_PATHS.has(path) || BASE_DIRS.includes(path)) {
      throw new InvalidInput('add', `${full} would replace /${path}, which the initramfs needs; move it elsewhere`);
    }
    const earlier = out.from.get(path);
    if (earlier !== undefined) throw new InvalidInput('add', `${full} and ${earlier} both land at /${path}`);
    out.from.set(path, full);
    if (e.isSymbolicLink()) out.files.push({ path, target: await readlink(full) });
    else if (e.isFile()) {
      const data = await readFile(full);
      out.bytes += data.length;
      if (out.bytes > MAX_TOTAL_BYTES) {
        throw new InvalidInput(
          'add',
          `adds more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB; the initramfs must fit in the guest's memory`,
        );
      }
      out.files.push({ path, data, mode: (await lstat(full)).mode & 0o7777 });
    } else {
      throw new InvalidInput(
        'add',
        `${full} is a device, FIFO or socket; only files, directories and links are copied`,
      );
    }
  }
}

/** The files of every added directory, as initramfs members; bad input is an `InvalidInput` naming `add`. */
export async function readAddedFiles(dirs: readonly string[]): Promise<readonly InitramfsFile[]> {
  const out: Walk = { files: [], bytes: 0, from: new Map() };
  for (const dir of dirs) {
    const info = await lstat(dir).catch(() => null);
    if (info === null || !info.isDirectory()) {
      throw new InvalidInput(
        'add',
        `${dir} is not a directory; pass a directory whose tree goes into the initramfs root`,
      );
    }
    await walk(dir, '', out);
  }
  return out.files;
}
