import { runGate } from '../../app/gate/run-gate.js';
import { dayOfInstant } from '../../domain/day.js';
import type { GateView } from '../../domain/gate-view.js';
import { UserError } from '../../domain/invalid-input.js';
import { GATE_FORMATS, type GateFormat, gateFormats } from '../../formats/gate/index.js';
import type { CommandSpec } from '../command.js';
import { type CommandResult, EXIT } from '../errors.js';
import { choiceOption } from '../options.js';
import { addGateBootOptions, bootsKernels, type GateBootFlags, gateKernels } from './gate-kernels.js';

type GateFlags = GateBootFlags & {
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

/** Renders the gate's report; the verdict is the exit code: 0 go, 1 no-go. */
function gateResult(view: GateView, format: GateFormat): CommandResult {
  process.stderr.write(`kgap gate: ${view.assessment.verdict}\n`);
  return {
    stdout: gateFormats[format](view),
    exitCode: view.assessment.verdict === 'go' ? EXIT.ok : EXIT.threshold,
  };
}

/** `kgap gate`: baseline vs candidate test results (or two kernels to boot) -> go / no-go. */
export const gateCommand: CommandSpec = {
  name: 'gate',
  register(program, run) {
    // gate-kernels.ts adds --baseline-kernel/--candidate-kernel and friends (boot both sides, then gate).
    addGateBootOptions(program.command('gate'))
      .description('compare baseline and candidate test results (KTAP, LTP, JUnit, console logs): exit 0 go, 1 no-go')
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
      .option('--new-failures-block', 'block on new (or previously skipped) tests that fail', false)
      .action((flags: GateFlags) =>
        run(async () => {
          const gate = {
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
          if (bootsKernels(flags)) return gateResult(await gateKernels(flags, gate), flags.format);
          if (flags.baseline === undefined || flags.candidate === undefined) {
            throw new UserError('gate needs --baseline DIR and --candidate DIR (directories of test results)');
          }
          return gateResult(
            await runGate({ ...gate, baseline: flags.baseline, candidate: flags.candidate }),
            flags.format,
          );
        }),
      );
  },
};
