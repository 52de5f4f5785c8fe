import { writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { Option } from 'commander';
import { UserError } from '../../domain/user-error.js';
import { BOOT_FORMATS, type BootFormat, bootFormats } from '../../formats/boot/render-boot-run.js';
import { runBoot } from '../../sources/boot/run-boot.js';
import { writeBootResults } from '../../sources/boot/write-boot-results.js';
import { resolveCacheDir } from '../../sources/data/cache-dir.js';
import type { CommandSpec } from '../command.js';
import { EXIT } from '../errors.js';

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
  format: BootFormat;
};

/** Parses a positive number of seconds from a flag. */
export function parseTimeoutSeconds(text: string, flag = '--timeout'): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 3600)
    throw new UserError(`${flag} takes seconds between 1 and 3600, got ${JSON.stringify(text)}`);
  return n;
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
      .requiredOption('--kernel <path>', 'x86-64 bzImage (vmlinuz) or ELF vmlinux')
      .option('--expect-release <release>', 'expected `uname -r` (default: the release the kernel image names)')
      .option('--timeout <seconds>', 'kill QEMU after this long', '120')
      .option('--ktap <file>', 'also write the KTAP report to this file')
      .option('--append <cmdline>', 'extra kernel command line')
      .option('--modules <list>', 'comma-separated modules to insmod in the guest (needs --modules-dir)')
      .option('--modules-dir <dir>', "the kernel's lib/modules/<release> directory")
      .option('--out <dir>', 'write boot.ktap and console.log into this directory')
      .option('--cache-dir <dir>', 'cache for the initramfs and extracted vmlinux (default $XDG_CACHE_HOME/kgap)')
      .option('--no-extract', 'boot the bzImage as is instead of the extracted vmlinux (slower)')
      .option('--busybox <path>', 'static busybox to put in the initramfs (default /bin/busybox)')
      .addOption(new Option('--format <format>', 'stdout format').choices(BOOT_FORMATS).default('table'))
      .action((flags: BootFlags) =>
        run(async () => {
          const result = await runBoot({
            kernel: flags.kernel,
            ...(flags.expectRelease === undefined ? {} : { expectRelease: flags.expectRelease }),
            timeoutSeconds: parseTimeoutSeconds(flags.timeout),
            ...(flags.append === undefined ? {} : { append: flags.append }),
            modules: (flags.modules ?? '')
              .split(',')
              .map((m) => m.trim())
              .filter(Boolean),
            ...(flags.modulesDir === undefined ? {} : { modulesDir: flags.modulesDir }),
            cacheDir: resolveCacheDir({
              cacheDir: flags.cacheDir,
              env: process.env,
              home: homedir(),
              tmpDir: tmpdir(),
            }),
            extract: flags.extract,
            ...(flags.busybox === undefined ? {} : { busybox: flags.busybox }),
            env: process.env,
            now: () => performance.now(),
            onProgress: (m) => process.stderr.write(`kgap boot: ${m}\n`),
          });
          if (flags.ktap) await writeFile(flags.ktap, result.ktap);
          if (flags.out) await writeBootResults(flags.out, result);
          process.stderr.write(
            `kgap boot: ${result.booted.image} (${result.booted.note}), ${result.durationSeconds} s, ${result.assessment.verdict}\n`,
          );
          return {
            stdout: bootFormats[flags.format](result),
            exitCode: result.assessment.verdict === 'pass' ? EXIT.ok : EXIT.threshold,
          };
        }),
      );
  },
};
