/**
 * `kgap gate --baseline-kernel A --candidate-kernel B`: the options gate.ts adds for booting both sides with the
 * `kgap boot` checks, and the call of the use-case that boots them and gates their results.
 */
import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { requireTimeoutSeconds } from '../../app/boot/boot-input.js';
import { type GateKernelsInput, runGateKernels } from '../../app/gate/run-gate-kernels.js';
import type { GateView } from '../../domain/gate-view.js';
import { UserError } from '../../domain/invalid-input.js';
import { collectRepeated } from '../options.js';
import { bootEnvironment } from './boot.js';

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
  busybox?: string;
  add?: string[];
  run?: string;
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
    .option('--cache-dir <dir>', 'cache for the initramfs and extracted vmlinux (default $XDG_CACHE_HOME/kgap)')
    .option('--busybox <path>', "static busybox for the kernels' architecture (see kgap boot --help)")
    .option(
      '--add <dir>',
      "copy DIR's tree into both initramfs roots (repeatable): the product's tests",
      collectRepeated,
    )
    .option('--run <command>', 'run this command in both guests after the checks; its results are gated too');
}

/** True when the flags ask gate to boot its sides. */
export function bootsKernels(flags: GateBootFlags): boolean {
  return flags.baselineKernel !== undefined || flags.candidateKernel !== undefined;
}

/** Boots both kernels and gates their results (`gate` says how); boot outcomes go to stderr. */
export async function gateKernels(
  flags: GateBootFlags & { baseline?: string; candidate?: string },
  gate: GateKernelsInput['gate'],
): Promise<GateView> {
  if (flags.baselineKernel === undefined || flags.candidateKernel === undefined) {
    throw new UserError('pass both --baseline-kernel and --candidate-kernel (or --baseline DIR and --candidate DIR)');
  }
  if (flags.baseline !== undefined || flags.candidate !== undefined) {
    throw new UserError('use either --baseline/--candidate result directories or --baseline-kernel/--candidate-kernel');
  }
  const report = await runGateKernels({
    baseline: {
      kernel: flags.baselineKernel,
      append: flags.baselineAppend,
      expectRelease: flags.baselineExpectRelease,
    },
    candidate: {
      kernel: flags.candidateKernel,
      append: flags.candidateAppend,
      expectRelease: flags.candidateExpectRelease,
    },
    shared: {
      timeoutSeconds: requireTimeoutSeconds('bootTimeout', flags.bootTimeout),
      extract: true,
      ...(flags.busybox === undefined ? {} : { busybox: flags.busybox }),
      ...(flags.add === undefined ? {} : { add: flags.add }),
      ...(flags.run === undefined ? {} : { run: flags.run }),
      ...bootEnvironment(flags.cacheDir, 'kgap gate: boot '),
    },
    outDir: flags.out ?? null,
    tmpDir: tmpdir(),
    gate,
  });
  for (const label of ['baseline', 'candidate'] as const) {
    const { run } = report.boots[label];
    process.stderr.write(
      `kgap gate: ${label} boot ${run.assessment.verdict} in ${run.durationSeconds} s (${run.arch} ${run.booted.image})\n`,
    );
  }
  return report.gate;
}
