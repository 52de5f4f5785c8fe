/**
 * Recognizes the two kernel image shapes QEMU's `-kernel` boots on x86: a bzImage (the x86 boot protocol,
 * Documentation/arch/x86/boot.rst) and an ELF vmlinux (booted through its PVH note). Pure: bytes in.
 */

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
      /** From the `linux_banner` string ("Linux version 6.1.0-57-amd64 (...) ..."), when found. */
      readonly release: string | null;
      readonly version: string | null;
    };

const HDRS = 0x53726448; // "HdrS", little-endian at 0x202

function startsWith(bytes: Uint8Array, at: number, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

function readCString(b: Uint8Array, at: number, max: number): string | null {
  if (at <= 0 || at >= b.length) return null;
  const end = b.indexOf(0, at);
  const stop = end < 0 ? Math.min(b.length, at + max) : Math.min(end, at + max);
  const text = new TextDecoder('latin1').decode(b.subarray(at, stop));
  return /^[\x20-\x7e]+$/.test(text) ? text : null;
}

const BANNER = 'Linux version ';

/** The text after the first `Linux version <digit>` in an uncompressed kernel (its `linux_banner`), to the newline. */
function findLinuxBanner(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // a view, not a copy; native search
  let at = buf.indexOf(BANNER);
  while (at >= 0) {
    const start = at + BANNER.length;
    const digit = buf[start] ?? 0;
    if (digit >= 0x30 && digit <= 0x39) {
      let end = start;
      while (end < buf.length && end - start < 256 && (buf[end] ?? 0) >= 0x20 && (buf[end] ?? 0) < 0x7f) end++;
      return buf.toString('latin1', start, end).trim();
    }
    at = buf.indexOf(BANNER, start);
  }
  return null;
}

/** Which payload format starts at `at`, if any. */
export function payloadFormatAt(bytes: Uint8Array, at: number): PayloadFormat | null {
  return PAYLOAD_MAGICS.find((m) => startsWith(bytes, at, m.magic))?.format ?? null;
}

/** Parses the image header; null when the bytes are neither a bzImage nor an ELF64 x86-64 executable. */
export function parseKernelImage(bytes: Uint8Array): KernelImage | null {
  if (startsWith(bytes, 0, [0x7f, 0x45, 0x4c, 0x46]) && bytes[4] === 2 && u16(bytes, 18) === 62) {
    const version = findLinuxBanner(bytes); // ELFCLASS64, EM_X86_64
    return { kind: 'elf', release: version?.split(' ')[0] ?? null, version };
  }
  if (bytes.length < 0x260 || u32(bytes, 0x202) !== HDRS || u16(bytes, 0x1fe) !== 0xaa55) return null;
  const protocol = u16(bytes, 0x206);
  // kernel_version (0x20e) points 0x200 bytes before the string; 0 means "not given".
  const versionPtr = u16(bytes, 0x20e);
  const version = versionPtr === 0 ? null : readCString(bytes, versionPtr + 0x200, 256);
  const release = version?.split(' ')[0] ?? null;
  // setup_sects 0 means 4 (boot.rst); the protected-mode kernel follows the setup sectors and the boot sector.
  const setupSects = bytes[0x1f1] || 4;
  const base = (setupSects + 1) * 512;
  let payload: Extract<KernelImage, { kind: 'bzImage' }>['payload'] = null;
  if (protocol >= 0x208) {
    const offset = base + u32(bytes, 0x248);
    const length = u32(bytes, 0x24c);
    if (offset + length <= bytes.length) payload = { offset, length, format: payloadFormatAt(bytes, offset) };
  }
  return { kind: 'bzImage', version, release, payload };
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
