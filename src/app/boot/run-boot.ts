/**
 * The boot use-case (`kgap boot`): check the kernel image, build the initramfs with the guest checks, boot under
 * QEMU (the extracted vmlinux when possible, else the bzImage), judge the console, render KTAP, and write the
 * results when asked. Reads and runs through `sources/boot/`, decides with `analysis/boot/`. Never prints:
 * progress goes to `onProgress`.
 */
import { assessBoot } from '../../analysis/boot/assess-boot.js';
import { planGuestChecks } from '../../analysis/boot/guest-checks.js';
import { renderInitScript } from '../../analysis/boot/init-script.js';
import { renderBootKtap } from '../../analysis/boot/render-boot-ktap.js';
import type { BootRun } from '../../domain/boot-run.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readBootTools } from '../../sources/boot/read-boot-tools.js';
import { readKernelImage } from '../../sources/boot/read-kernel-image.js';
import { readModuleFiles } from '../../sources/boot/read-module-files.js';
import { runExtractVmlinux } from '../../sources/boot/run-extract-vmlinux.js';
import { planQemuArgs, type QemuRun, runQemu } from '../../sources/boot/run-qemu.js';
import { writeBootResults } from '../../sources/boot/write-boot-results.js';
import { writeInitramfs } from '../../sources/boot/write-initramfs.js';
import { guardCache } from '../../sources/data/cache-fault.js';
import { writeFileAtomic } from '../../sources/data/write-atomic.js';
import { type BootInput, requireTimeoutSeconds } from './boot-input.js';

// The release goes into the generated /init: one word of printable ASCII, nothing a shell could take apart.
const RELEASE_RE = /^[\x21-\x7e]{1,64}$/;

/** Boots one kernel and reports the smoke checks. Bad input is an `InvalidInput` naming the field. */
export async function runBoot(input: BootInput): Promise<BootRun> {
  const progress = input.onProgress ?? (() => {});
  const timeoutSeconds = requireTimeoutSeconds('timeoutSeconds', input.timeoutSeconds);
  const { bytes, image, sha256 } = await readKernelImage(input.kernel);
  const expectRelease = input.expectRelease ?? image.release;
  if (expectRelease !== null && !RELEASE_RE.test(expectRelease)) {
    const problem = `must be one word of printable characters, got ${JSON.stringify(expectRelease)}`;
    throw new InvalidInput('expectRelease', problem);
  }
  if (/[\r\n]/.test(input.append ?? '')) throw new InvalidInput('append', 'must be a single line');
  const tools = await readBootTools({ env: input.env, ...(input.busybox ? { busybox: input.busybox } : {}) });
  const modules = await readModuleFiles({ names: input.modules ?? [], modulesDir: input.modulesDir, xz: tools.xz });
  const guestChecks = planGuestChecks({ expectRelease, modules: modules.plan });
  // The initramfs and the extracted vmlinux live in the cache: its faults are one line naming it.
  const initramfs = await guardCache(input.cacheDir, () =>
    writeInitramfs({
      busyboxPath: tools.busybox,
      initScript: renderInitScript(guestChecks),
      extraFiles: modules.files,
      cacheDir: input.cacheDir,
    }),
  );
  progress(`initramfs ${initramfs.path}${initramfs.cached ? ' (cached)' : ''}`);
  let kernelPath = input.kernel;
  let booted: BootRun['booted'] = {
    image: image.kind === 'elf' ? 'vmlinux' : 'bzImage',
    note: image.kind === 'elf' ? 'given an ELF vmlinux' : 'extraction disabled',
  };
  if (image.kind === 'bzImage' && input.extract) {
    const x = await guardCache(input.cacheDir, () =>
      runExtractVmlinux({
        bytes,
        image,
        hash: sha256,
        cacheDir: input.cacheDir,
        ...(tools.xz ? { xz: tools.xz } : {}),
      }),
    );
    if ('path' in x) {
      kernelPath = x.path;
      booted = { image: 'vmlinux', note: x.cached ? 'extracted vmlinux (cached)' : 'extracted vmlinux' };
    } else booted = { image: 'bzImage', note: `vmlinux extraction failed: ${x.problem}` };
  }
  const commandLine = ['console=ttyS0', 'panic=-1', input.append ?? ''].join(' ').trim();
  const boot = (kernel: string): Promise<QemuRun> => {
    progress(`booting ${kernel} (timeout ${timeoutSeconds} s)`);
    const args = planQemuArgs({ kernel, initrd: initramfs.path, append: commandLine, memoryMb: input.memoryMb ?? 512 });
    return runQemu({ qemu: tools.qemu, args, timeoutMs: timeoutSeconds * 1000, now: input.now });
  };
  let qemu = await boot(kernelPath);
  if (kernelPath !== input.kernel && qemu.exitCode !== 0 && qemu.console.trim() === '') {
    // QEMU refused the ELF before the guest ran (e.g. an unusable PVH note): the bzImage still boots.
    booted = { image: 'bzImage', note: `QEMU could not boot the vmlinux: ${qemu.stderr.trim().split('\n')[0] ?? ''}` };
    qemu = await boot(input.kernel);
  }
  const ending = { ...qemu, timeoutSeconds };
  const assessment = assessBoot({ console: qemu.console, ending, guestChecks });
  const run: BootRun = {
    schemaVersion: 1,
    kernel: { path: input.kernel, release: image.release, version: image.version },
    expectRelease,
    booted,
    commandLine,
    timeoutSeconds,
    durationSeconds: Math.round(qemu.durationMs / 100) / 10,
    qemu: { exitCode: qemu.exitCode, signal: qemu.signal, timedOut: qemu.timedOut },
    assessment,
    ktap: renderBootKtap(assessment, { release: image.release }),
    console: qemu.console,
  };
  if (input.ktapFile !== undefined) await writeFileAtomic(input.ktapFile, run.ktap);
  if (input.outDir !== undefined) await writeBootResults(input.outDir, run);
  return run;
}
