/**
 * What booting each architecture under QEMU takes: the emulator, the machine and CPU it emulates, the memory,
 * and the Debian packages that provide them. A typed table, so a new architecture is one entry.
 */
import type { BootArch } from '../../domain/boot-arch.js';

export type QemuMachine = {
  /** The emulator binary, looked up on PATH. */
  readonly qemu: string;
  /** The Debian package that ships it. */
  readonly qemuPackage: string;
  /** Machine and CPU options before the common ones. */
  readonly machineArgs: readonly string[];
  readonly memoryMb: number;
  /** Where `.ci/run` (and the docs) put this architecture's Debian busybox when the host is another one. */
  readonly busyboxRoot: string;
  /** How to get a static busybox for the guest, for the error when there is none. */
  readonly busyboxHelp: string;
};

const ARM64_ROOT = '/opt/kgap/arm64';

export const QEMU_MACHINES: Readonly<Record<BootArch, QemuMachine>> = {
  x86_64: {
    qemu: 'qemu-system-x86_64',
    qemuPackage: 'qemu-system-x86',
    // QEMU's default PC (i440FX) and CPU; no NIC (it would load an iPXE option ROM for nothing).
    machineArgs: [],
    memoryMb: 512,
    busyboxRoot: '/opt/kgap/x86_64',
    busyboxHelp: 'apt-get install busybox-static',
  },
  arm64: {
    qemu: 'qemu-system-aarch64',
    qemuPackage: 'qemu-system-arm',
    // `virt` is QEMU's generic arm64 board (PL011 UART, PSCI power-off, virtio). `-cpu max` offers every CPU
    // feature a product kernel may use; `pauth-impdef=on` keeps pointer authentication on but computes it with
    // QEMU's cheap algorithm instead of emulating QARMA5, which under TCG took a boot from ~2 s to ~24 s
    // (docs/performance.md, `## Boot`). The kernel still runs its pointer-authentication code paths.
    machineArgs: ['-M', 'virt', '-cpu', 'max,pauth-impdef=on'],
    memoryMb: 1024,
    busyboxRoot: ARM64_ROOT,
    busyboxHelp: `dpkg --add-architecture arm64 && apt-get update && apt-get download busybox-static:arm64 && dpkg-deb -x busybox-static_*_arm64.deb ${ARM64_ROOT}`,
  },
};
