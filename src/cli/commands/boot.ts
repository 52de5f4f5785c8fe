import { type BootInput, requireTimeoutSeconds } from '../../app/boot/boot-input.js';
import { runBoot } from '../../app/boot/run-boot.js';
import { BOOT_FORMATS, type BootFormat, bootFormats } from '../../formats/boot/render-boot-run.js';
import type { CommandSpec } from '../command.js';
import { cacheDirFrom } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption, collectRepeated } from '../options.js';

type BootFlags = {
  kernel: string;
  expectRelease?: string;
  timeout: string;
  ktap?: string;
  append?: string;
  modules?: string;
  modulesDir?: string;
  out?: string;
  cacheDir?: string;
  extract: boolean;
  busybox?: string;
  add?: string[];
  run?: string;
  format: BootFormat;
};

/** What a boot takes from this process: the cache directory, the environment, the clock, progress on stderr. */
export function bootEnvironment(
  cacheDir: string | undefined,
  progressPrefix: string,
): Pick<BootInput, 'cacheDir' | 'env' | 'now' | 'onProgress'> {
  return {
    cacheDir: cacheDirFrom(cacheDir),
    env: process.env,
    now: () => performance.now(),
    onProgress: (m) => process.stderr.write(`${progressPrefix}${m}\n`),
  };
}

/** `kgap boot`: boots a kernel under QEMU with a generated busybox initramfs and reports smoke checks. */
export const bootCommand: CommandSpec = {
  name: 'boot',
  register(program, run) {
    program
      .command('boot')
      .description(
        'boot a kernel under QEMU (TCG) with a busybox initramfs and report smoke checks as KTAP; exit 1 if a check failed',
      )
      .requiredOption('--kernel <path>', 'x86-64 bzImage (vmlinuz) or ELF vmlinux, or arm64 Image (plain or .gz)')
      .option('--expect-release <release>', 'expected `uname -r` (default: the release the kernel image names)')
      .option('--timeout <seconds>', 'kill QEMU after this long', '120')
      .option('--ktap <file>', 'also write the KTAP report to this file')
      .option('--append <cmdline>', 'extra kernel command line')
      .option('--modules <list>', 'comma-separated modules to insmod in the guest (needs --modules-dir)')
      .option('--modules-dir <dir>', "the kernel's lib/modules/<release> directory")
      .option('--out <dir>', 'write boot.ktap and console.log into this directory')
      .option('--cache-dir <dir>', 'cache for the initramfs and extracted vmlinux (default $XDG_CACHE_HOME/kgap)')
      .option('--no-extract', 'boot the bzImage as is instead of the extracted vmlinux (slower)')
      .option(
        '--busybox <path>',
        "static busybox for the kernel's architecture (default /bin/busybox, PATH, /opt/kgap/<arch>/bin/busybox)",
      )
      .option(
        '--add <dir>',
        "copy DIR's tree into the initramfs root (repeatable): the product's tests",
        collectRepeated,
      )
      .option(
        '--run <command>',
        'run this command in the guest after the checks; its KTAP or exit status joins the report',
      )
      .addOption(choiceOption('--format <format>', 'stdout format', BOOT_FORMATS, 'table'))
      .action((flags: BootFlags) =>
        run(async () => {
          const result = await runBoot({
            kernel: flags.kernel,
            timeoutSeconds: requireTimeoutSeconds('timeout', flags.timeout),
            modules: (flags.modules ?? '')
              .split(',')
              .map((m) => m.trim())
              .filter(Boolean),
            extract: flags.extract,
            expectRelease: flags.expectRelease,
            append: flags.append,
            modulesDir: flags.modulesDir,
            busybox: flags.busybox,
            add: flags.add,
            run: flags.run,
            outDir: flags.out,
            ktapFile: flags.ktap,
            ...bootEnvironment(flags.cacheDir, 'kgap boot: '),
          });
          process.stderr.write(
            `kgap boot: ${result.arch} ${result.booted.image} (${result.booted.note}), ${result.durationSeconds} s, ${result.assessment.verdict}\n`,
          );
          return {
            stdout: bootFormats[flags.format](result),
            exitCode: result.assessment.verdict === 'pass' ? EXIT.ok : EXIT.threshold,
          };
        }),
      );
  },
};
