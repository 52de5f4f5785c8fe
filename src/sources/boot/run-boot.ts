/**
 * `kgap boot` as a library call: validate the kernel, build the initramfs, boot under QEMU (the extracted
 * vmlinux when possible, else the bzImage), judge the console, and render KTAP.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { assessBoot, type BootAssessment } from '../../analysis/boot/assess-boot.js';
import { planGuestChecks } from '../../analysis/boot/guest-checks.js';
import { renderInitScript } from '../../analysis/boot/init-script.js';
import { renderBootKtap } from '../../analysis/boot/render-boot-ktap.js';
import { UserError } from '../../domain/user-error.js';
import { parseKernelImage } from './kernel-image.js';
import { readBootTools } from './read-boot-tools.js';
import { readModuleFiles } from './read-module-files.js';
import { runExtractVmlinux } from './run-extract-vmlinux.js';
import { planQemuArgs, type QemuRun, runQemu } from './run-qemu.js';
import { writeInitramfs } from './write-initramfs.js';

export type BootOptions = {
  readonly kernel: string;
  /** Expected `uname -r`; defaults to the release in the bzImage header. */
  readonly expectRelease?: string;
  readonly timeoutSeconds: number;
  /** Extra kernel command line, appended after `console=ttyS0 panic=-1`. */
  readonly append?: string;
  readonly modules?: readonly string[];
  /** The kernel's `lib/modules/<release>` directory (holds `modules.dep`); required with `modules`. */
  readonly modulesDir?: string;
  readonly cacheDir: string;
  /** Boot the bzImage even when a vmlinux could be extracted (to measure the difference). */
  readonly extract: boolean;
  readonly memoryMb?: number;
  readonly busybox?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => number;
  readonly onProgress?: (message: string) => void;
};

export type BootRun = {
  readonly schemaVersion: 1;
  readonly kernel: { readonly path: string; readonly release: string | null; readonly version: string | null };
  readonly expectRelease: string | null;
  /** What QEMU booted, and why not the faster vmlinux when it did not. */
  readonly booted: { readonly image: 'vmlinux' | 'bzImage'; readonly note: string };
  readonly commandLine: string;
  readonly timeoutSeconds: number;
  readonly durationSeconds: number;
  readonly qemu: { readonly exitCode: number | null; readonly signal: string | null; readonly timedOut: boolean };
  readonly assessment: BootAssessment;
  readonly ktap: string;
  readonly console: string;
};

const RELEASE_RE = /^[\x21-\x7e]{1,64}$/;

async function readKernel(
  path: string,
): Promise<{ bytes: Buffer; image: NonNullable<ReturnType<typeof parseKernelImage>> }> {
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isFile())
    throw new UserError(`kernel ${path} does not exist; pass --kernel with a bzImage (vmlinuz) or an ELF vmlinux`);
  const bytes = await readFile(path);
  const image = parseKernelImage(bytes);
  if (image === null)
    throw new UserError(`${path} is not an x86-64 kernel image (no bzImage header, not an ELF vmlinux)`);
  return { bytes, image };
}

export async function runBoot(options: BootOptions): Promise<BootRun> {
  const progress = options.onProgress ?? (() => {});
  const { bytes, image } = await readKernel(options.kernel);
  const expectRelease = options.expectRelease ?? image.release;
  if (expectRelease !== null && !RELEASE_RE.test(expectRelease))
    throw new UserError(
      `--expect-release must be one word of printable characters, got ${JSON.stringify(expectRelease)}`,
    );
  if (/[\r\n]/.test(options.append ?? '')) throw new UserError('--append must be a single line');
  const tools = await readBootTools({ env: options.env, ...(options.busybox ? { busybox: options.busybox } : {}) });
  const modules = await readModuleFiles({ names: options.modules ?? [], modulesDir: options.modulesDir, xz: tools.xz });
  const guestChecks = planGuestChecks({ expectRelease, modules: modules.plan });
  const initramfs = await writeInitramfs({
    busyboxPath: tools.busybox,
    initScript: renderInitScript(guestChecks),
    extraFiles: modules.files,
    cacheDir: options.cacheDir,
  });
  progress(`initramfs ${initramfs.path}${initramfs.cached ? ' (cached)' : ''}`);
  let kernelPath = options.kernel;
  let booted: BootRun['booted'] = {
    image: image.kind === 'elf' ? 'vmlinux' : 'bzImage',
    note: image.kind === 'elf' ? 'given an ELF vmlinux' : 'extraction disabled',
  };
  if (image.kind === 'bzImage' && options.extract) {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const x = await runExtractVmlinux({
      bytes,
      image,
      hash,
      cacheDir: options.cacheDir,
      ...(tools.xz ? { xz: tools.xz } : {}),
    });
    if ('path' in x) {
      kernelPath = x.path;
      booted = { image: 'vmlinux', note: x.cached ? 'extracted vmlinux (cached)' : 'extracted vmlinux' };
    } else booted = { image: 'bzImage', note: `vmlinux extraction failed: ${x.problem}` };
  }
  const commandLine = ['console=ttyS0', 'panic=-1', options.append ?? ''].join(' ').trim();
  const boot = (kernel: string): Promise<QemuRun> => {
    progress(`booting ${kernel} (timeout ${options.timeoutSeconds} s)`);
    const args = planQemuArgs({
      kernel,
      initrd: initramfs.path,
      append: commandLine,
      memoryMb: options.memoryMb ?? 512,
    });
    return runQemu({ qemu: tools.qemu, args, timeoutMs: options.timeoutSeconds * 1000, now: options.now });
  };
  let run = await boot(kernelPath);
  if (kernelPath !== options.kernel && run.exitCode !== 0 && run.console.trim() === '') {
    // QEMU refused the ELF before the guest ran (e.g. an unusable PVH note): the bzImage still boots.
    booted = { image: 'bzImage', note: `QEMU could not boot the vmlinux: ${run.stderr.trim().split('\n')[0] ?? ''}` };
    run = await boot(options.kernel);
  }
  const ending = {
    timedOut: run.timedOut,
    timeoutSeconds: options.timeoutSeconds,
    exitCode: run.exitCode,
    signal: run.signal,
    stderr: run.stderr,
  };
  const assessment = assessBoot({ console: run.console, ending, guestChecks });
  return {
    schemaVersion: 1,
    kernel: { path: options.kernel, release: image.release, version: image.version },
    expectRelease,
    booted,
    commandLine,
    timeoutSeconds: options.timeoutSeconds,
    durationSeconds: Math.round(run.durationMs / 100) / 10,
    qemu: { exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut },
    assessment,
    ktap: renderBootKtap(assessment, { release: image.release }),
    console: run.console,
  };
}
