/**
 * Extracts the uncompressed ELF vmlinux from an XZ bzImage and caches it by the bzImage's hash: booting the ELF
 * through its PVH note skips the in-guest decompression, which under TCG halves the boot time.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../data/write-atomic.js';
import { hasPvhNote } from './elf-pvh.js';
import { findXzStream, type KernelImage } from './kernel-image.js';
import { runXzDecompress } from './run-xz.js';

/** The extracted kernel, or why extraction was not possible (the caller then boots the bzImage). */
export type VmlinuxExtraction = { readonly path: string; readonly cached: boolean } | { readonly problem: string };

/**
 * Returns the cached vmlinux for this bzImage, extracting it on a miss. `hash` is the bzImage's sha256 (hex).
 * Only XZ payloads are handled (Debian's and most distributions' choice); others are reported as a problem.
 */
export async function runExtractVmlinux(options: {
  readonly bytes: Uint8Array;
  readonly image: KernelImage;
  readonly hash: string;
  readonly cacheDir: string;
  readonly xz?: string;
}): Promise<VmlinuxExtraction> {
  const { bytes, image, hash, cacheDir } = options;
  if (image.kind !== 'bzImage') return { problem: 'not a bzImage' };
  const path = join(cacheDir, `vmlinux-${hash.slice(0, 32)}`);
  if ((await stat(path).catch(() => null))?.isFile()) return { path, cached: true };
  let start = image.payload?.format === 'xz' ? image.payload.offset : -1;
  if (start < 0) start = findXzStream(bytes); // header without payload fields: look for the stream magic
  if (start < 0) return { problem: `payload is ${image.payload?.format ?? 'unknown'}, not XZ` };
  const end = image.payload?.format === 'xz' ? start + image.payload.length : bytes.length;
  let elf: Buffer;
  try {
    elf = await runXzDecompress(bytes.subarray(start, end), options.xz ?? 'xz');
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'xz not found (apt-get install xz-utils)' : String(error);
    return { problem: why };
  }
  if (!hasPvhNote(elf)) return { problem: 'the extracted vmlinux has no PVH note (CONFIG_PVH is off)' };
  // Written atomically, so a concurrent boot never sees a half-written kernel.
  await writeFileAtomic(path, elf);
  return { path, cached: false };
}
