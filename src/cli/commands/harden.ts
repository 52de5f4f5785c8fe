import { hardeningChecks } from '../../analysis/hardening/checks/index.js';
import { type HardenInput, runHarden } from '../../app/harden/run-harden.js';
import { dayOfInstant } from '../../domain/day.js';
import { ARCHES } from '../../domain/hardening-check.js';
import { UserError } from '../../domain/invalid-input.js';
import { SHOW_MODES, type ShowMode } from '../../formats/hardening/hardening-view.js';
import { HARDENING_FORMATS, type HardeningFormat, hardeningFormats } from '../../formats/hardening/index.js';
import {
  renderHardeningDiffMarkdown,
  renderHardeningMarkdown,
} from '../../formats/hardening/render-hardening-markdown.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, withReleaseFlags } from '../data-flags.js';
import { type CommandResult, EXIT } from '../errors.js';
import { choiceOption } from '../options.js';
import { appendStepSummary, checkOutputDir, deliverReport, OUTPUT_FLAG } from '../output.js';

/** `--fail-on` of harden: a failing check, or a regression against `--against`. */
const FAIL_ON = ['none', 'fail', 'regress'] as const;

type HardenFlags = {
  config?: string[];
  cmdline?: string;
  sysctl?: string;
  running?: boolean;
  arch?: string;
  kernelVersion?: string;
  against?: string;
  policy?: string;
  failOn: (typeof FAIL_ON)[number];
  format: HardeningFormat;
  show?: ShowMode;
  releases?: string;
  cacheDir?: string;
  asOf?: string;
  listChecks?: boolean;
  output?: string;
};

/** The use-case's input from the flags; flag combinations the input cannot express are refused here. */
function hardenInput(flags: HardenFlags): HardenInput {
  if (!flags.running && !flags.config?.length) throw new UserError('pass --config PATH (or a directory), or --running');
  if (flags.failOn === 'regress' && !flags.against) {
    throw new UserError('--fail-on regress needs --against CANDIDATE_CONFIG');
  }
  const data = dataOptionsFrom({ releases: flags.releases, cacheDir: flags.cacheDir });
  return {
    kernel: flags.running ? { running: { procDir: '/proc', bootDir: '/boot' } } : { configs: flags.config ?? [] },
    cmdline: flags.cmdline,
    sysctl: flags.sysctl,
    arch: flags.arch,
    kernelVersion: flags.kernelVersion,
    against: flags.against,
    policy: flags.policy,
    releases: { location: data.releases, cacheDir: data.cacheDir },
    asOf: flags.asOf ?? dayOfInstant(new Date()),
  };
}

async function harden(flags: HardenFlags): Promise<CommandResult> {
  if (flags.listChecks) {
    return { stdout: `${hardeningChecks.map((c) => `${c.id}\t${c.type}`).join('\n')}\n`, exitCode: EXIT.ok };
  }
  await checkOutputDir(flags.output);
  const result = await runHarden(hardenInput(flags));
  for (const warning of result.warnings) process.stderr.write(`kgap harden: ${warning}\n`);
  const format = hardeningFormats[flags.format];
  const github = flags.format === 'github';
  if (result.kind === 'diff') {
    const gate = flags.failOn === 'regress' && result.diff.counts.regress > 0;
    if (github) await appendStepSummary(renderHardeningDiffMarkdown(result.diff), process.env);
    const text = format.diff(result.diff, result.from, result.to);
    return deliverReport(text, flags.output, gate ? EXIT.threshold : EXIT.ok);
  }
  const show = flags.show ?? (flags.format === 'json' ? 'all' : 'fail');
  const gate = flags.failOn === 'fail' && result.blocking;
  if (github) await appendStepSummary(renderHardeningMarkdown(result.reports, show), process.env);
  return deliverReport(format.report(result.reports, show), flags.output, gate ? EXIT.threshold : EXIT.ok);
}

/** `kgap harden`: the kernel's hardening posture, its gaps, and what a newer kernel would add. */
export const hardenCommand: CommandSpec = {
  name: 'harden',
  register(program, run) {
    const command = program
      .command('harden')
      .description(
        'check a kernel config (+ cmdline, sysctl) against the hardening checklist; exit 1 with --fail-on when the gate is met',
      )
      .option('--config <paths...>', 'kernel .config or config.gz files, or directories of them')
      .option('--cmdline <file>', 'saved /proc/cmdline of the product')
      .option('--sysctl <file>', 'saved `sysctl -a` output of the product')
      .option('--running', 'check this machine: its config, /proc/cmdline and sysctls')
      .option('--arch <arch>', `override the architecture (${ARCHES.join(', ')})`)
      .option('--kernel-version <version>', 'override the kernel version from the config header')
      .option('--against <config>', 'candidate config: report what it gains and loses against --config')
      .option('--policy <file>', 'kgap-policy.json: profiles, sources, waivers, overrides')
      .addOption(choiceOption('--fail-on <gate>', 'exit 1 on a failing check or a regression', FAIL_ON, 'none'))
      .addOption(choiceOption('--format <format>', 'stdout format', HARDENING_FORMATS, 'table'))
      .addOption(
        choiceOption('--show <which>', 'checks to list (default: fail for table/markdown, all for json)', SHOW_MODES),
      )
      .option('--as-of <day>', 'today, for waiver expiry, YYYY-MM-DD (default: the current UTC day)')
      .option('--list-checks', 'print every check id and exit')
      .option(...OUTPUT_FLAG);
    withReleaseFlags(command).action((flags: HardenFlags) => run(() => harden(flags)));
  },
};
