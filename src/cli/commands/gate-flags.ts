/**
 * The flags of a results gate, shared by `kgap gate` and `kgap fleet gate` (which records the run for a product):
 * the two sides, the known issues, the policy, the day, the format; and the rendering of its report.
 */
import type { Command } from 'commander';
import type { GateInput } from '../../app/gate/run-gate.js';
import { dayOfInstant } from '../../domain/day.js';
import type { GateView } from '../../domain/gate-view.js';
import { UserError } from '../../domain/invalid-input.js';
import { GATE_FORMATS, type GateFormat, gateFormats } from '../../formats/gate/index.js';
import { type CommandResult, EXIT } from '../errors.js';
import { choiceOption } from '../options.js';

export type GateFlags = {
  baseline?: string;
  candidate?: string;
  knownIssues?: string;
  lkftEnvironment?: string;
  lkftProject?: string;
  format: GateFormat;
  asOf?: string;
  allowLostCoverage: boolean;
  flakyBlocks: boolean;
  newFailuresBlock: boolean;
};

/** Adds the results gate's flags to a command. */
export function addGateFlags(command: Command): Command {
  return command
    .option('--baseline <dir>', 'results of the kernel in the field (directory or file)')
    .option('--candidate <dir>', 'results of the update candidate (directory or file)')
    .option(
      '--known-issues <file>',
      "accepted failures: kgap's JSON or LKFT's qa-reports-known-issues YAML (docs/gate.md)",
    )
    .option('--lkft-environment <name>', 'with an LKFT known-issues file: the SQUAD environment, e.g. qemu-arm64')
    .option(
      '--lkft-project <name>',
      'with an LKFT known-issues file: the SQUAD project, e.g. lkft/linux-stable-rc-linux-6.1.y',
    )
    .addOption(choiceOption('--format <format>', 'stdout format', GATE_FORMATS, 'table'))
    .option('--as-of <day>', 'judge known-issue expiry as of this day, YYYY-MM-DD (default today, UTC)')
    .option('--allow-lost-coverage', 'do not block on pass->skip, pass->missing or runs that ended early', false)
    .option('--flaky-blocks', 'block on tests that passed in the baseline and are flaky in the candidate', false)
    .option('--new-failures-block', 'block on new (or previously skipped) tests that fail', false);
}

/** The gate's inputs but its two sides, from the flags (the day from the clock when not given). */
export function gateOptionsFrom(flags: GateFlags): Omit<GateInput, 'baseline' | 'candidate'> {
  return {
    knownIssues: flags.knownIssues,
    ...(flags.lkftEnvironment === undefined ? {} : { lkftEnvironment: flags.lkftEnvironment }),
    ...(flags.lkftProject === undefined ? {} : { lkftProject: flags.lkftProject }),
    asOf: flags.asOf ?? dayOfInstant(new Date()),
    policy: {
      allowLostCoverage: flags.allowLostCoverage,
      flakyIsRegression: flags.flakyBlocks,
      newFailuresAreRegressions: flags.newFailuresBlock,
    },
  };
}

/** The gate's full input from the flags; both result sides are required. */
export function gateInputFrom(flags: GateFlags): GateInput {
  if (flags.baseline === undefined || flags.candidate === undefined) {
    throw new UserError('gate needs --baseline DIR and --candidate DIR (directories of test results)');
  }
  return { ...gateOptionsFrom(flags), baseline: flags.baseline, candidate: flags.candidate };
}

/** Renders the gate's report; the verdict is the exit code: 0 go, 1 no-go. */
export function gateResult(view: GateView, format: GateFormat): CommandResult {
  process.stderr.write(`kgap gate: ${view.assessment.verdict}\n`);
  return {
    stdout: gateFormats[format](view),
    exitCode: view.assessment.verdict === 'go' ? EXIT.ok : EXIT.threshold,
  };
}
