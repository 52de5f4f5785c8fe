/** Little-endian reads and magic checks on a kernel image's bytes, shared by the image parsers. */

export function startsWith(bytes: Uint8Array, at: number, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

export function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

export function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

/** ASCII text of `length` bytes at `at` (NULs dropped), for magic strings such as `zimg` or `RSC\x05`. */
export function ascii(b: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...b.subarray(at, at + length)).replace(/\0+$/, '');
}

const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];

/** The `e_machine` of an ELF file (either byte order, `EI_DATA`), or null when the bytes are not ELF. */
export function elfMachine(bytes: Uint8Array): number | null {
  if (bytes.length < 20 || !startsWith(bytes, 0, ELF_MAGIC)) return null;
  return bytes[5] === 2 ? ((bytes[18] ?? 0) << 8) | (bytes[19] ?? 0) : u16(bytes, 18);
}
