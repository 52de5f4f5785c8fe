import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { dayOfInstant } from '../../domain/day.js';
import { UserError } from '../../domain/invalid-input.js';
import { PLAN_FORMATS, type PlanFormat, planFormats } from '../../formats/plan/index.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags, writeNotes } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';

type PlanFlags = DataFlags & {
  tree?: string;
  rev: string;
  to?: string;
  upstreamRef?: string;
  stableTree?: string;
  config?: string;
  source?: string;
  builtFiles?: string;
  writeBranch?: string;
  format: PlanFormat;
};

/** `kgap plan`: the update decision record for moving a vendor tree to a newer stable release. */
export const planCommand: CommandSpec = {
  name: 'plan',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('plan')
        .description(
          'what moving a vendor tree to a newer stable release closes, brings and costs: CVEs, stable fixes, the fate of each vendor patch, a test plan',
        )
        .option('--tree <path>', 'the vendor kernel git tree (with the stable tags)')
        .option('--rev <rev>', 'the revision to plan from', 'HEAD')
        .option('--to <version|latest>', 'the target release of the same stable branch, e.g. 6.1.183, or latest')
        .option('--upstream-ref <ref>', 'the upstream branch in the tree the target must be on (default: its tags)')
        .option('--stable-tree <dir>', 'a linux-stable clone holding the target, when the tree does not')
        .option('--config <file>', 'the product .config: split CVEs by built code, and the hardening the target brings')
        .option('--source <dir|tarball>', 'with --config: the kernel source it builds (default: the tree)')
        .option(
          '--built-files <file>',
          "with --config: the build's compiled files (.o/.c, one a line); overrides Kbuild",
        )
        .option('--write-branch <name>', 'write the rebased branch as a new ref when every patch is upstream or clean')
        .addOption(choiceOption('--format <format>', 'output format', PLAN_FORMATS, 'table')),
    ).action((flags: PlanFlags) =>
      run(async () => {
        if (flags.tree === undefined) throw new UserError('say which tree: --tree PATH (a vendor kernel git clone)');
        if (flags.to === undefined) throw new UserError('say which release to plan for: --to VERSION or --to latest');
        if (flags.config === undefined && (flags.source !== undefined || flags.builtFiles !== undefined))
          throw new UserError('--source and --built-files need --config FILE (the product .config)');
        const { runPlan } = await import('../../app/plan/run-plan.js');
        const outcome = await runPlan({
          tree: flags.tree,
          rev: flags.rev,
          to: flags.to,
          upstreamRef: flags.upstreamRef ?? null,
          stableTree: flags.stableTree ?? null,
          build:
            flags.config === undefined
              ? null
              : { config: flags.config, source: flags.source ?? null, builtFiles: flags.builtFiles },
          writeBranch: flags.writeBranch ?? null,
          data: dataOptionsFrom(flags),
          tmpDir: tmpdir(),
          asOf: dayOfInstant(new Date()),
        });
        endProgress();
        writeNotes({ warnings: [...outcome.warnings, ...(outcome.branchRefused ? [outcome.branchRefused] : [])] });
        process.stderr.write(`kgap plan: ${outcome.report.verdict}\n`);
        return {
          stdout: planFormats[flags.format](outcome.report),
          exitCode: outcome.branchRefused ? EXIT.threshold : EXIT.ok,
        };
      }),
    );
  },
};
