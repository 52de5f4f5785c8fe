/**
 * Code under another architecture's `arch/` directory. Kbuild enters `arch/$(SRCARCH)/` and whatever a reached
 * Makefile names (arm64 builds `../../arm/xen/*.o`); every other `arch/<name>/` tree is never compiled for this
 * config, except headers that shared code includes by an explicit path (`#include "../../arch/x86/..."`).
 */
import type { KbuildEvaluation } from './evaluate-kbuild.js';

/**
 * Includes of another architecture's headers from outside that architecture, found by scanning Debian's 6.1.170
 * tree (the test `other-arch.test.ts` rescans it when the full source is present) and mainline's PECI headers.
 * Without the sources kgap cannot see `#include` lines, so these headers are judged by their includer.
 */
export const CROSS_ARCH_INCLUDES: ReadonlyMap<string, readonly string[]> = new Map([
  ['arch/alpha/kernel/pci_impl.h', ['drivers/char/agp/alpha-agp.c']],
  ['arch/arm/mach-omap2/control.h', ['drivers/staging/media/omap4iss/iss_csiphy.c']], // COMPILE_TEST builds it on x86
  ['arch/arm/mach-sa1100/generic.h', ['drivers/video/backlight/locomolcd.c']],
  ['arch/x86/include/asm/cpu_device_id.h', ['include/linux/peci-cpu.h']], // PECI on arm BMCs (mainline)
  ['arch/x86/include/asm/intel-family.h', ['include/linux/peci-cpu.h']],
  ['arch/x86/include/asm/xor.h', ['arch/um/include/asm/xor.h']],
]);

// Vendor arm64 trees include arch/arm/mach-*/ headers from drivers (Tegra, MSM): without the sources to show that
// they do not, arm headers stay undecided on arm64.
const SIBLINGS: Readonly<Record<string, readonly string[]>> = { arm64: ['arm'] };

/**
 * The architecture `path` belongs to when that is one this config's Kbuild files never reach, else null (also
 * without Kbuild files: then nothing shows which `arch/` trees the target reaches).
 */
export function otherArchOf(path: string, ev: KbuildEvaluation): string | null {
  const a = archOf(path);
  if (a === null || ev.srcarch === 'unknown' || ev.readMakefiles.size === 0 || ev.reachedArchs.has(a)) return null;
  return a;
}

/** `arm64` for `arch/arm64/kernel/setup.c`; null outside arch/. */
export function archOf(path: string): string | null {
  return /^arch\/([^/]+)\//.exec(path)?.[1] ?? null;
}

/** Why `arch/<a>/` is not built for this config. */
export function otherArchReason(a: string, ev: KbuildEvaluation): string {
  return `arch/${a}/ is another architecture (the config is for ${ev.srcarch}; its Kbuild files reach no arch/${a}/ directory)`;
}

/** True when headers of `a` may be included by the target's code in ways only the sources would show. */
export function isSiblingArch(a: string, ev: KbuildEvaluation): boolean {
  return SIBLINGS[ev.srcarch]?.includes(a) === true;
}
