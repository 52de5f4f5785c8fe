import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readBoundedBytes } from '../io/read-bounded.js';
import { type KernelImage, parseKernelImage } from './kernel-image.js';

/** A kernel image as read: its bytes, what its header says, and its sha256 (hex), the key of its cached vmlinux. */
export type KernelImageFile = { readonly bytes: Buffer; readonly image: KernelImage; readonly sha256: string };

/** Reads a bzImage or ELF vmlinux; a missing file or other bytes are an `InvalidInput` naming `field`. */
export async function readKernelImage(path: string, field = 'kernel'): Promise<KernelImageFile> {
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile()) {
    throw new InvalidInput(field, `${path} does not exist; pass a bzImage (vmlinuz) or an ELF vmlinux`);
  }
  const bytes = await readBoundedBytes(path, { field, limit: 'kernelImageBytes' });
  const image = parseKernelImage(bytes);
  if (image === null) {
    throw new InvalidInput(field, `${path} is not an x86-64 kernel image (no bzImage header, not an ELF vmlinux)`);
  }
  return { bytes, image, sha256: createHash('sha256').update(bytes).digest('hex') };
}
