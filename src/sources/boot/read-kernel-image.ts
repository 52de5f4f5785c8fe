import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readBoundedBytes } from '../io/read-bounded.js';
import { describeForeignImage } from './foreign-image.js';
import { isArm64Image, type KernelImage, parseKernelImage } from './kernel-image.js';

/** A kernel image as read: its bytes, what its header says, and its sha256 (hex), the key of its cached vmlinux. */
export type KernelImageFile = { readonly bytes: Buffer; readonly image: KernelImage; readonly sha256: string };

const WHAT_TO_PASS = 'pass an x86-64 bzImage (vmlinuz) or ELF vmlinux, or an arm64 Image';
// An arm64 Image is tens of MB; a "kernel" that inflates beyond this is not one.
const MAX_UNPACKED = 512 * 1024 * 1024;

/**
 * An `Image.gz` (what `make Image.gz` and several distributions ship for arm64): QEMU's -kernel unpacks it
 * itself, so it is booted as given; the header and the release are read from the unpacked bytes.
 */
function parseGzippedImage(bytes: Buffer): KernelImage | null {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return null;
  let inner: Buffer;
  try {
    inner = gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED });
  } catch {
    return null;
  }
  if (!isArm64Image(inner)) return null;
  const image = parseKernelImage(inner);
  return image?.kind === 'Image' ? { ...image, compressed: 'gzip' } : null;
}

/**
 * Reads a kernel image; a missing file, or bytes of another architecture or no kernel at all, are an
 * `InvalidInput` naming `field` and saying what the file is.
 */
export async function readKernelImage(path: string, field = 'kernel'): Promise<KernelImageFile> {
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile()) {
    throw new InvalidInput(field, `${path} does not exist; ${WHAT_TO_PASS}`);
  }
  const bytes = await readBoundedBytes(path, { field, limit: 'kernelImageBytes' });
  const image = parseKernelImage(bytes) ?? parseGzippedImage(bytes);
  if (image === null) {
    const what = describeForeignImage(bytes);
    throw new InvalidInput(
      field,
      what === null
        ? `${path} is not a kernel image of a known architecture (no x86 bzImage or arm64 Image header, not an ELF vmlinux); ${WHAT_TO_PASS}`
        : `${path} is ${what}, not a kernel kgap boots; ${WHAT_TO_PASS}`,
    );
  }
  return { bytes, image, sha256: createHash('sha256').update(bytes).digest('hex') };
}
