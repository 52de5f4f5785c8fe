/** Builders of kernel image headers for tests (the shapes `kernel-image.ts` and `foreign-image.ts` recognize). */

/** An arm64 Image header (booting.rst: code0 "MZ", magic "ARM\x64" at 56, PE offset at 60) and a banner. */
export function arm64Image(banner = 'Linux version 6.1.0-47-arm64 (x@y) #1 SMP Debian 6.1.170-3\n'): Uint8Array {
  const head = new Uint8Array(128);
  head.set([0x4d, 0x5a]);
  new DataView(head.buffer).setUint32(56, 0x644d5241, true);
  new DataView(head.buffer).setUint32(60, 0x40, true);
  const text = new TextEncoder().encode(banner);
  const b = new Uint8Array(head.length + text.length);
  b.set(head);
  b.set(text, head.length);
  return b;
}

/** An ELF64 little-endian header for `machine`. */
export function elf(machine: number): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1]);
  new DataView(b.buffer).setUint16(18, machine, true);
  return b;
}
