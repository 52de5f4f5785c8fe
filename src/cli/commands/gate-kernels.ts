/**
 * `kgap gate --baseline-kernel A --candidate-kernel B`: boots both kernels with the `kgap boot` checks into results
 * directories, then hands them to the gate command's own directory path. gate.ts adds these options and calls
 * `gateKernels` when a kernel is given.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../domain/user-error.js';
import { runBootPair } from '../../sources/boot/run-boot-pair.js';
import { resolveCacheDir } from '../../sources/data/cache-dir.js';
import type { CommandResult } from '../errors.js';
import { parseTimeoutSeconds } from './boot.js';

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
        cacheDir: resolveCacheDir({ cacheDir: flags.cacheDir, env: process.env, home: homedir(), tmpDir: tmpdir() }),
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
