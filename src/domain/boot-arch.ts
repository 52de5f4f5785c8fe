/**
 * The architectures `kgap boot` boots, named as the kernel names them (`arch/x86`, `arch/arm64`; KCIDB uses the
 * same names). Which one a kernel image is comes from its header (`sources/boot/kernel-image.ts`); the guest
 * checks need the serial console device, the QEMU runner the rest of the machine.
 */

export const BOOT_ARCHES = ['x86_64', 'arm64'] as const;
export type BootArch = (typeof BOOT_ARCHES)[number];

/**
 * The serial console the kernel writes to on each architecture's QEMU machine: the PC's 16550 UART (`ttyS0`),
 * the `virt` board's PL011 (`ttyAMA0`, drivers/tty/serial/amba-pl011.c).
 */
export const CONSOLE_DEVICE: Readonly<Record<BootArch, string>> = { x86_64: 'ttyS0', arm64: 'ttyAMA0' };

/** The ELF `e_machine` of programs for each architecture (EM_X86_64, EM_AARCH64 in elf.h). */
export const ELF_MACHINE: Readonly<Record<BootArch, number>> = { x86_64: 62, arm64: 183 };

/** Human names of ELF machines kgap may meet, for messages that say what a file is built for. */
const ELF_MACHINE_NAMES: Readonly<Record<number, string>> = {
  3: 'i386',
  8: 'MIPS',
  20: 'PowerPC',
  21: 'PowerPC 64',
  22: 's390',
  40: 'arm (32-bit)',
  62: 'x86-64',
  183: 'arm64',
  243: 'RISC-V',
  258: 'LoongArch',
};

/** `x86-64`, `arm64`, … or `machine 1234` for an ELF `e_machine`. */
export function elfMachineName(machine: number): string {
  return ELF_MACHINE_NAMES[machine] ?? `machine ${machine}`;
}
