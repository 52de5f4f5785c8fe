/**
 * `kgap/boot`: boots an x86-64 or arm64 kernel image under QEMU (TCG) with a generated busybox initramfs, runs the
 * product's own tests in the guest when asked (`add`, `run`), and reports smoke checks as KTAP, judged from the
 * console.
 *
 * @example
 * ```ts
 * import { bootFormats, runBoot } from 'kgap/boot';
 *
 * const run = await runBoot({
 *   kernel: 'vmlinuz-6.1.170', timeoutSeconds: 120, cacheDir: '/tmp/kgap', extract: true,
 *   env: process.env, now: () => performance.now(),
 * });
 * process.stdout.write(bootFormats.ktap(run));
 * ```
 * @module
 */
export { type BootInput, type BootSide, requireTimeoutSeconds } from '../app/boot/boot-input.js';
export { runBoot } from '../app/boot/run-boot.js';
export { type BootPair, type BootPairInput, runBootPair } from '../app/boot/run-boot-pair.js';
export { BOOT_ARCHES, type BootArch } from '../domain/boot-arch.js';
export type { BootAssessment, BootRun, BootRunCommand } from '../domain/boot-run.js';
export { BOOT_FORMATS, type BootFormat, bootFormats } from '../formats/boot/render-boot-run.js';
