import { InvalidInput } from '../../domain/invalid-input.js';

/** What `runBoot` takes: the kernel, the checks to add, where to cache and write, and the environment. */
export type BootInput = {
  /** An x86-64 bzImage (vmlinuz) or ELF vmlinux, or an arm64 Image (plain or gzip'd); the header says which. */
  readonly kernel: string;
  /** Expected `uname -r`; defaults to the release in the image's header. */
  readonly expectRelease?: string;
  /** Kill QEMU after this long (1 to 3600 s). */
  readonly timeoutSeconds: number;
  /** Extra kernel command line, appended after `console=ttyS0 panic=-1` (`ttyAMA0` on arm64). */
  readonly append?: string;
  /** Directories whose trees are laid over the initramfs root (the product's test programs, their libraries). */
  readonly add?: readonly string[];
  /** A command the guest runs after the built-in checks (one line of `sh -c`); its results join the report. */
  readonly run?: string;
  /** Modules to load in the guest. */
  readonly modules?: readonly string[];
  /** The kernel's `lib/modules/<release>` directory (holds `modules.dep`); required with `modules`. */
  readonly modulesDir?: string;
  /** Where the initramfs and extracted vmlinux are cached. */
  readonly cacheDir: string;
  /** Boot the extracted vmlinux when possible (false boots the bzImage, to measure the difference). */
  readonly extract: boolean;
  readonly memoryMb?: number;
  /**
   * A static busybox for the kernel's architecture (default: the first static one of /bin/busybox, busybox on
   * PATH and /opt/kgap/<arch>/bin/busybox, where `.ci/run` unpacks Debian's busybox-static:arm64).
   */
  readonly busybox?: string;
  /** Write `boot.ktap` and `console.log` into this directory. */
  readonly outDir?: string;
  /** Also write the KTAP report to this file. */
  readonly ktapFile?: string;
  /** The environment (PATH finds qemu-system-x86_64 or qemu-system-aarch64, busybox, xz). */
  readonly env: NodeJS.ProcessEnv;
  /** A monotonic clock in milliseconds (`performance.now`), for the boot's duration. */
  readonly now: () => number;
  readonly onProgress?: (message: string) => void;
};

/** What differs between the two boots of a pair; the rest of `BootInput` is shared. */
export type BootSide = Pick<BootInput, 'kernel' | 'expectRelease' | 'append'>;

const MAX_SECONDS = 3600;

/** A boot timeout in seconds (text from a flag, or a number); anything but 1..3600 is an `InvalidInput`. */
export function requireTimeoutSeconds(field: string, value: string | number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_SECONDS) {
    throw new InvalidInput(field, `takes seconds between 1 and ${MAX_SECONDS}, got ${JSON.stringify(String(value))}`);
  }
  return n;
}
