import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { UserError } from '../../domain/user-error.js';
import { BOOT_FORMATS, type BootFormat, bootFormats } from '../../formats/boot/render-boot-run.js';
import { resolveCacheDir } from '../../sources/boot/cache-dir.js';
import { runBoot } from '../../sources/boot/run-boot.js';
import { runBootPair } from '../../sources/boot/run-boot-pair.js';
import { writeBootResults } from '../../sources/boot/write-boot-results.js';
import type { CommandSpec } from '../command.js';
import { type CommandResult, EXIT } from '../errors.js';

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
              ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
              env: process.env,
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

/** The flags `kgap gate` gains for booting its two sides itself. */
export type GateBootFlags = {
  baselineKernel?: string;
  candidateKernel?: string;
  baselineAppend?: string;
  candidateAppend?: string;
  baselineExpectRelease?: string;
  candidateExpectRelease?: string;
  bootTimeout: string;
  out?: string;
  cacheDir?: string;
};

/** Adds the boot-driven options to the `gate` command (called from gate.ts). */
export function addGateBootOptions(gate: Command): Command {
  return gate
    .option('--baseline-kernel <path>', 'boot this kernel with `kgap boot` checks and use its results as the baseline')
    .option('--candidate-kernel <path>', 'boot this kernel and use its results as the candidate')
    .option('--baseline-append <cmdline>', 'extra kernel command line for the baseline boot')
    .option('--candidate-append <cmdline>', 'extra kernel command line for the candidate boot')
    .option('--baseline-expect-release <release>', 'expected `uname -r` of the baseline (default: from its header)')
    .option('--candidate-expect-release <release>', 'expected `uname -r` of the candidate (default: from its header)')
    .option('--boot-timeout <seconds>', 'kill each boot after this long', '120')
    .option('--out <dir>', 'keep the boot results in DIR/baseline and DIR/candidate (default: a temporary directory)')
    .option('--cache-dir <dir>', 'cache for the initramfs and extracted vmlinux (default $XDG_CACHE_HOME/kgap)');
}

/** Boots both kernels into results directories, then gates them with `gateDirs` (the gate command's own path). */
export async function gateKernels(
  flags: GateBootFlags & { baseline?: string; candidate?: string },
  gateDirs: (baseline: string, candidate: string) => Promise<CommandResult>,
): Promise<CommandResult> {
  if (flags.baselineKernel === undefined || flags.candidateKernel === undefined) {
    throw new UserError('pass both --baseline-kernel and --candidate-kernel (or --baseline DIR and --candidate DIR)');
  }
  if (flags.baseline !== undefined || flags.candidate !== undefined) {
    throw new UserError('use either --baseline/--candidate result directories or --baseline-kernel/--candidate-kernel');
  }
  const outDir = flags.out ?? (await mkdtemp(join(tmpdir(), 'kgap-gate-boot-')));
  try {
    const side = (kernel: string, append?: string, expectRelease?: string) => ({
      kernel,
      ...(append === undefined ? {} : { append }),
      ...(expectRelease === undefined ? {} : { expectRelease }),
    });
    const pair = await runBootPair({
      baseline: side(flags.baselineKernel, flags.baselineAppend, flags.baselineExpectRelease),
      candidate: side(flags.candidateKernel, flags.candidateAppend, flags.candidateExpectRelease),
      shared: {
        timeoutSeconds: parseTimeoutSeconds(flags.bootTimeout, '--boot-timeout'),
        cacheDir: resolveCacheDir({
          ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
          env: process.env,
          tmpDir: tmpdir(),
        }),
        extract: true,
        env: process.env,
        now: () => performance.now(),
        onProgress: (m) => process.stderr.write(`kgap gate: boot ${m}\n`),
      },
      outDir,
    });
    for (const [label, s] of [
      ['baseline', pair.baseline],
      ['candidate', pair.candidate],
    ] as const) {
      process.stderr.write(
        `kgap gate: ${label} boot ${s.run.assessment.verdict} in ${s.run.durationSeconds} s (${s.run.booted.image})\n`,
      );
    }
    return await gateDirs(pair.baseline.dir, pair.candidate.dir);
  } finally {
    if (flags.out === undefined) await rm(outDir, { recursive: true, force: true });
  }
}
