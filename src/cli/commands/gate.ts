import { Option } from 'commander';
import { UserError } from '../../domain/user-error.js';
import { GATE_FORMATS, type GateFormat, gateFormats } from '../../formats/gate/index.js';
import { runGate } from '../../sources/results/run-gate.js';
import type { CommandSpec } from '../command.js';
import { type CommandResult, EXIT } from '../errors.js';
import { addGateBootOptions, type GateBootFlags, gateKernels } from './gate-kernels.js';

/** The flags `kgap gate` takes; exported so options that produce the two sides (booting kernels) can extend it. */
export type GateFlags = {
  baseline?: string;
  candidate?: string;
  knownIssues?: string;
  format: GateFormat;
  asOf?: string;
  allowLostCoverage: boolean;
  flakyBlocks: boolean;
  newFailuresBlock: boolean;
};

/** Today as `YYYY-MM-DD` (UTC), or the `--as-of` day after checking it. */
export function gateDay(asOf: string | undefined, now: Date): string {
  if (asOf === undefined) return now.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
    throw new UserError(`--as-of takes a day as YYYY-MM-DD, not "${asOf}"`);
  }
  return asOf;
}

/** Gates two results directories and renders the verdict: exit 0 go, 1 no-go. */
export async function gateDirectories(baseline: string, candidate: string, flags: GateFlags): Promise<CommandResult> {
  const view = await runGate({
    baseline,
    candidate,
    ...(flags.knownIssues === undefined ? {} : { knownIssues: flags.knownIssues }),
    asOf: gateDay(flags.asOf, new Date()),
    policy: {
      allowLostCoverage: flags.allowLostCoverage,
      flakyIsRegression: flags.flakyBlocks,
      newFailuresAreRegressions: flags.newFailuresBlock,
    },
  });
  process.stderr.write(`kgap gate: ${view.assessment.verdict}\n`);
  return {
    stdout: gateFormats[flags.format](view),
    exitCode: view.assessment.verdict === 'go' ? EXIT.ok : EXIT.threshold,
  };
}

/** `kgap gate`: baseline vs candidate test results -> go / no-go. */
export const gateCommand: CommandSpec = {
  name: 'gate',
  register(program, run) {
    // `kgap boot` adds --baseline-kernel/--candidate-kernel and friends (boot both sides, then gate).
    addGateBootOptions(program.command('gate'))
      .description('compare baseline and candidate test results (KTAP, LTP, JUnit, console logs): exit 0 go, 1 no-go')
      .option('--baseline <dir>', 'results of the kernel in the field (directory or file)')
      .option('--candidate <dir>', 'results of the update candidate (directory or file)')
      .option('--known-issues <file>', 'JSON file of accepted failures with reason and expiry (docs/gate.md)')
      .addOption(new Option('--format <format>', 'stdout format').choices(GATE_FORMATS).default('table'))
      .option('--as-of <day>', 'judge known-issue expiry as of this day, YYYY-MM-DD (default today, UTC)')
      .option('--allow-lost-coverage', 'do not block on pass->skip, pass->missing or runs that ended early', false)
      .option('--flaky-blocks', 'block on tests that passed in the baseline and are flaky in the candidate', false)
      .option('--new-failures-block', 'block on new (or previously skipped) tests that fail', false)
      .action((flags: GateFlags & GateBootFlags) =>
        run(async () => {
          if (flags.baselineKernel !== undefined || flags.candidateKernel !== undefined) {
            return gateKernels(flags, (baseline, candidate) => gateDirectories(baseline, candidate, flags));
          }
          if (flags.baseline === undefined || flags.candidate === undefined) {
            throw new UserError('gate needs --baseline DIR and --candidate DIR (directories of test results)');
          }
          return gateDirectories(flags.baseline, flags.candidate, flags);
        }),
      );
  },
};
