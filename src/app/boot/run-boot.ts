/**
 * The boot use-case (`kgap boot`): check the kernel image and learn its architecture, build the initramfs with
 * the guest checks (and the product's files and command), boot under the architecture's QEMU (on x86-64 the
 * extracted vmlinux when possible, else the bzImage), judge the console, render KTAP, and write the results when
 * asked. Reads and runs through `sources/boot/`, decides with `analysis/boot/`. Never prints: progress goes to
 * `onProgress`.
 */
import { assessBoot } from '../../analysis/boot/assess-boot.js';
import { planGuestChecks } from '../../analysis/boot/guest-checks.js';
import { renderInitScript } from '../../analysis/boot/init-script.js';
import { renderBootKtap } from '../../analysis/boot/render-boot-ktap.js';
import { CONSOLE_DEVICE } from '../../domain/boot-arch.js';
import type { BootRun } from '../../domain/boot-run.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { readBootTools } from '../../sources/boot/read-boot-tools.js';
import { readKernelImage } from '../../sources/boot/read-kernel-image.js';
import { planQemuArgs, type QemuRun, runQemu } from '../../sources/boot/run-qemu.js';
import { writeBootResults } from '../../sources/boot/write-boot-results.js';
import { writeInitramfs } from '../../sources/boot/write-initramfs.js';
import { guardCache } from '../../sources/data/cache-fault.js';
import { writeFileAtomic } from '../../sources/data/write-atomic.js';
import { parseResults } from '../../sources/results/result-formats.js';
import { type BootInput, requireTimeoutSeconds } from './boot-input.js';
import { chooseBootImage } from './choose-boot-image.js';
import { readGuestFiles } from './guest-files.js';

// The release goes into the generated /init: one word of printable ASCII, nothing a shell could take apart.
const RELEASE_RE = /^[\x21-\x7e]{1,64}$/;

function checkLines(input: BootInput): void {
  if (/[\r\n]/.test(input.append ?? '')) throw new InvalidInput('append', 'must be a single line');
  if (input.run !== undefined && (input.run.trim() === '' || /[\r\n\0]/.test(input.run))) {
    throw new InvalidInput('run', 'must be one non-empty command line (it runs as sh -c in the guest)');
  }
}

/** Boots one kernel and reports the smoke checks. Bad input is an `InvalidInput` naming the field. */
export async function runBoot(input: BootInput): Promise<BootRun> {
  const progress = input.onProgress ?? (() => {});
  const timeoutSeconds = requireTimeoutSeconds('timeoutSeconds', input.timeoutSeconds);
  checkLines(input);
  const kernelFile = await readKernelImage(input.kernel);
  const { image } = kernelFile;
  const expectRelease = input.expectRelease ?? image.release;
  if (expectRelease !== null && !RELEASE_RE.test(expectRelease)) {
    const problem = `must be one word of printable characters, got ${JSON.stringify(expectRelease)}`;
    throw new InvalidInput('expectRelease', problem);
  }
  const tools = await readBootTools({
    arch: image.arch,
    env: input.env,
    ...(input.busybox ? { busybox: input.busybox } : {}),
  });
  const files = await readGuestFiles({ input, arch: image.arch, xz: tools.xz });
  const guestChecks = planGuestChecks({ expectRelease, console: CONSOLE_DEVICE[image.arch], modules: files.modules });
  const guestRun = input.run === undefined ? null : { command: input.run };
  // The initramfs and the extracted vmlinux live in the cache: its faults are one line naming it.
  const initramfs = await guardCache(input.cacheDir, () =>
    writeInitramfs({
      busyboxPath: tools.busybox,
      initScript: renderInitScript(guestChecks, guestRun),
      extraFiles: files.files,
      cacheDir: input.cacheDir,
    }),
  );
  progress(`initramfs ${initramfs.path}${initramfs.cached ? ' (cached)' : ''}`);
  let { path: kernelPath, booted } = await guardCache(input.cacheDir, () =>
    chooseBootImage({ file: kernelFile, input, xz: tools.xz }),
  );
  const commandLine = [`console=${CONSOLE_DEVICE[image.arch]}`, 'panic=-1', input.append ?? ''].join(' ').trim();
  const boot = (kernel: string): Promise<QemuRun> => {
    progress(`booting ${kernel} (${image.arch}, timeout ${timeoutSeconds} s)`);
    const args = planQemuArgs({
      arch: image.arch,
      kernel,
      initrd: initramfs.path,
      append: commandLine,
      ...(input.memoryMb === undefined ? {} : { memoryMb: input.memoryMb }),
    });
    return runQemu({ qemu: tools.qemu, args, timeoutMs: timeoutSeconds * 1000, now: input.now });
  };
  let qemu = await boot(kernelPath);
  if (kernelPath !== input.kernel && qemu.exitCode !== 0 && qemu.console.trim() === '') {
    // QEMU refused the ELF before the guest ran (e.g. an unusable PVH note): the bzImage still boots.
    booted = { image: 'bzImage', note: `QEMU could not boot the vmlinux: ${qemu.stderr.trim().split('\n')[0] ?? ''}` };
    kernelPath = input.kernel;
    qemu = await boot(input.kernel);
  }
  const ending = { ...qemu, timeoutSeconds };
  const assessment = assessBoot({
    console: qemu.console,
    ending,
    guestChecks,
    run: guestRun,
    parseResults: (output) => parseResults(output, { source: `run: ${input.run ?? ''}` }),
  });
  const run: BootRun = {
    schemaVersion: 1,
    kernel: { path: input.kernel, release: image.release, version: image.version },
    arch: image.arch,
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
