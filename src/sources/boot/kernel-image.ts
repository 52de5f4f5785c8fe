/**
 * Recognizes the kernel image shapes `kgap boot` boots, from their headers: an x86 bzImage (the x86 boot
 * protocol, Documentation/arch/x86/boot.rst), an x86-64 ELF vmlinux (booted through its PVH note) and an arm64
 * `Image` (Documentation/arch/arm64/booting.rst). Pure: bytes in. A gzip'd arm64 Image is unpacked by
 * `read-kernel-image.ts` and parsed here.
 */
import type { BootArch } from '../../domain/boot-arch.js';
import { ELF_MACHINE } from '../../domain/boot-arch.js';
import { elfMachine, startsWith, u16, u32 } from './image-bytes.js';
import { findLinuxBanner, releaseOfBanner } from './linux-banner.js';

/** Compressed-payload formats a bzImage may carry, by their stream magic (the kernel's `CONFIG_KERNEL_*`). */
export const PAYLOAD_MAGICS = [
  { format: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: 'gzip', magic: [0x1f, 0x8b] },
  { format: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd] },
  { format: 'lz4', magic: [0x02, 0x21, 0x4c, 0x18] },
  { format: 'bzip2', magic: [0x42, 0x5a, 0x68] },
  { format: 'lzma', magic: [0x5d, 0x00, 0x00] },
] as const;
export type PayloadFormat = (typeof PAYLOAD_MAGICS)[number]['format'];

export type KernelImage =
  | {
      readonly kind: 'bzImage';
      readonly arch: Extract<BootArch, 'x86_64'>;
      /** The `kernel_version` string of the setup header, e.g. `6.1.0-57-amd64 (debian-kernel@…) #1 SMP … Debian 6.1.192-3 …`. */
      readonly version: string | null;
      /** `uname -r` of the kernel: the first word of `version`. */
      readonly release: string | null;
      /** Where the compressed kernel sits in the file, from `payload_offset`/`payload_length` (protocol >= 2.08). */
      readonly payload: {
        readonly offset: number;
        readonly length: number;
        readonly format: PayloadFormat | null;
      } | null;
    }
  | {
      readonly kind: 'elf';
      readonly arch: Extract<BootArch, 'x86_64'>;
      /** From the `linux_banner` string ("Linux version 6.1.0-57-amd64 (...) ..."), when found. */
      readonly release: string | null;
      readonly version: string | null;
    }
  | {
      readonly kind: 'Image';
      readonly arch: Extract<BootArch, 'arm64'>;
      /** From the `linux_banner` in the (uncompressed) Image. */
      readonly release: string | null;
      readonly version: string | null;
      /** `gzip` for an `Image.gz` (QEMU's -kernel unpacks it itself), null for a plain Image. */
      readonly compressed: 'gzip' | null;
    };

const HDRS = 0x53726448; // "HdrS", little-endian at 0x202
const ARM64_MAGIC = 0x644d5241; // "ARM\x64", little-endian at 56

function readCString(b: Uint8Array, at: number, max: number): string | null {
  if (at <= 0 || at >= b.length) return null;
  const end = b.indexOf(0, at);
  const stop = end < 0 ? Math.min(b.length, at + max) : Math.min(end, at + max);
  const text = new TextDecoder('latin1').decode(b.subarray(at, stop));
  return /^[\x20-\x7e]+$/.test(text) ? text : null;
}

/** Which payload format starts at `at`, if any. */
export function payloadFormatAt(bytes: Uint8Array, at: number): PayloadFormat | null {
  return PAYLOAD_MAGICS.find((m) => startsWith(bytes, at, m.magic))?.format ?? null;
}

/** True when the bytes start with the arm64 Image header (its magic at offset 56). */
export function isArm64Image(bytes: Uint8Array): boolean {
  return bytes.length >= 64 && u32(bytes, 56) === ARM64_MAGIC;
}

function parseBzImage(bytes: Uint8Array): KernelImage | null {
  if (bytes.length < 0x260 || u32(bytes, 0x202) !== HDRS || u16(bytes, 0x1fe) !== 0xaa55) return null;
  const protocol = u16(bytes, 0x206);
  // kernel_version (0x20e) points 0x200 bytes before the string; 0 means "not given".
  const versionPtr = u16(bytes, 0x20e);
  const version = versionPtr === 0 ? null : readCString(bytes, versionPtr + 0x200, 256);
  // setup_sects 0 means 4 (boot.rst); the protected-mode kernel follows the setup sectors and the boot sector.
  const setupSects = bytes[0x1f1] || 4;
  const base = (setupSects + 1) * 512;
  let payload: Extract<KernelImage, { kind: 'bzImage' }>['payload'] = null;
  if (protocol >= 0x208) {
    const offset = base + u32(bytes, 0x248);
    const length = u32(bytes, 0x24c);
    if (offset + length <= bytes.length) payload = { offset, length, format: payloadFormatAt(bytes, offset) };
  }
  return { kind: 'bzImage', arch: 'x86_64', version, release: releaseOfBanner(version), payload };
}

/**
 * Parses the image header; null when the bytes are none of the shapes above (`describeForeignImage` then says
 * what they are). The bzImage is tried before the arm64 Image: both may start with "MZ" (an EFI stub).
 */
export function parseKernelImage(bytes: Uint8Array): KernelImage | null {
  if (elfMachine(bytes) === ELF_MACHINE.x86_64 && bytes[4] === 2) {
    const version = findLinuxBanner(bytes); // ELFCLASS64, EM_X86_64
    return { kind: 'elf', arch: 'x86_64', release: releaseOfBanner(version), version };
  }
  const bz = parseBzImage(bytes);
  if (bz !== null) return bz;
  if (isArm64Image(bytes)) {
    const version = findLinuxBanner(bytes);
    return { kind: 'Image', arch: 'arm64', release: releaseOfBanner(version), version, compressed: null };
  }
  return null;
}

/** Finds the first XZ stream magic (`FD 37 7A 58 5A 00`) at or after `from`: the fallback when the header lies. */
export function findXzStream(bytes: Uint8Array, from = 0): number {
  const magic = PAYLOAD_MAGICS[0].magic;
  let at = bytes.indexOf(magic[0], from);
  while (at >= 0) {
    if (startsWith(bytes, at, magic)) return at;
    at = bytes.indexOf(magic[0], at + 1);
  }
  return -1;
}
