/**
 * Says what a file is when it is not a kernel image kgap boots, so the error can name it ("an ELF vmlinux for
 * RISC-V", "an arm (32-bit) zImage") instead of a bare "not a kernel". Pure: the first bytes in.
 * Magics: the RISC-V Image header (Documentation/arch/riscv/boot-image-header.rst: "RISCV\0\0\0" at 48,
 * "RSC\x05" at 56), the arm zImage magic 0x016F2818 at 0x24 (arch/arm/boot/compressed/head.S), the EFI zboot
 * header ("zimg" at 4 and the compression name at 0x18, drivers/firmware/efi/libstub/zboot-header.S).
 */
import { ELF_MACHINE, elfMachineName } from '../../domain/boot-arch.js';
import { ascii, elfMachine, u32 } from './image-bytes.js';
import { payloadFormatAt } from './kernel-image.js';

/** A short description of what the bytes are, or null when nothing about them is recognized. */
export function describeForeignImage(bytes: Uint8Array): string | null {
  const machine = elfMachine(bytes);
  if (machine === ELF_MACHINE.arm64) {
    return 'an arm64 ELF vmlinux (QEMU boots the arm64 Image, arch/arm64/boot/Image, not the vmlinux)';
  }
  if (machine === ELF_MACHINE.x86_64) return 'a 32-bit ELF for x86-64';
  if (machine !== null) return `an ELF file for ${elfMachineName(machine)}`;
  if (bytes.length >= 64 && ascii(bytes, 48, 8) === 'RISCV' && ascii(bytes, 56, 4) === 'RSC\x05') {
    return 'a RISC-V Image';
  }
  if (bytes.length >= 0x30 && u32(bytes, 0x24) === 0x016f2818) return 'an arm (32-bit) zImage';
  if (bytes.length >= 0x20 && ascii(bytes, 0, 2) === 'MZ' && ascii(bytes, 4, 4) === 'zimg') {
    const compression = ascii(bytes, 0x18, 8) || 'compressed';
    return `an EFI zboot image (a ${compression} kernel inside an EFI application; boot the plain Image instead)`;
  }
  // lzma's magic (5D 00 00) is too weak to name a file by.
  const payload = payloadFormatAt(bytes, 0);
  if (payload !== null && payload !== 'lzma') return `a ${payload}-compressed file that holds no kernel kgap boots`;
  return null;
}
