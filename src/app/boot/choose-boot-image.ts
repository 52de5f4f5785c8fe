/**
 * Which file QEMU boots. An x86-64 bzImage is swapped for its extracted ELF vmlinux when possible (booted through
 * its PVH note, it skips the in-guest decompression that is most of a TCG boot); an ELF vmlinux and an arm64
 * Image (QEMU unpacks an Image.gz itself) are booted as given.
 */
import type { BootRun } from '../../domain/boot-run.js';
import type { KernelImageFile } from '../../sources/boot/read-kernel-image.js';
import { runExtractVmlinux } from '../../sources/boot/run-extract-vmlinux.js';
import type { BootInput } from './boot-input.js';

/** The path to boot and how `booted` describes it. */
export async function chooseBootImage(options: {
  readonly file: KernelImageFile;
  readonly input: Pick<BootInput, 'kernel' | 'extract' | 'cacheDir'>;
  readonly xz: string | null;
}): Promise<{ readonly path: string; readonly booted: BootRun['booted'] }> {
  const { file, input } = options;
  const { image } = file;
  if (image.kind === 'elf') return { path: input.kernel, booted: { image: 'vmlinux', note: 'given an ELF vmlinux' } };
  if (image.kind === 'Image') {
    const note = image.compressed === null ? 'arm64 Image as given' : `arm64 Image, ${image.compressed}-compressed`;
    return { path: input.kernel, booted: { image: 'Image', note } };
  }
  if (!input.extract) return { path: input.kernel, booted: { image: 'bzImage', note: 'extraction disabled' } };
  const x = await runExtractVmlinux({
    bytes: file.bytes,
    image,
    hash: file.sha256,
    cacheDir: input.cacheDir,
    ...(options.xz ? { xz: options.xz } : {}),
  });
  if ('path' in x) {
    return {
      path: x.path,
      booted: { image: 'vmlinux', note: x.cached ? 'extracted vmlinux (cached)' : 'extracted vmlinux' },
    };
  }
  return { path: input.kernel, booted: { image: 'bzImage', note: `vmlinux extraction failed: ${x.problem}` } };
}
