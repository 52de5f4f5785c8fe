import type { Command } from 'commander';
import { policyForms } from '../../analysis/simulate/policy.js';
import { DEFAULT_POLICIES, runSimulate } from '../../app/simulate/run-simulate.js';
import { UserError } from '../../domain/invalid-input.js';
import { SIMULATE_FORMATS, type SimulateFormat, simulateFormats } from '../../formats/simulate/index.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';

type SimulateFlags = DataFlags & {
  branch?: string;
  start?: string;
  from?: string;
  to?: string;
  policy: string[];
  changelog?: string;
  stableTree?: string;
  format: SimulateFormat;
};

/** `kgap simulate`: replays update policies day by day and counts the CVEs each leaves open. */
export const simulateCommand: CommandSpec = {
  name: 'simulate',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('simulate')
        .description('replay update policies day by day from a start release: CVE exposure per policy')
        .option('--start <version>', 'the release the product starts on, e.g. 6.1.100')
        .option('--branch <branch>', "the stable branch, e.g. 6.1 (default: the start release's)")
        .option('--from <date>', "first day, YYYY-MM-DD (default: the start release's date)")
        .option('--to <date>', 'last day, YYYY-MM-DD (default: the end of the data)')
        .option(
          '--policy <policy>',
          `repeatable: ${policyForms()} (default: ${DEFAULT_POLICIES.join(', ')})`,
          (value: string, all: string[]) => [...all, value],
          [] as string[],
        )
        .option('--changelog <file>', 'Debian kernel changelog (changelog.Debian.gz): counts the stable fixes taken')
        .option('--stable-tree <dir>', 'linux-stable clone with tags: counts the stable fixes taken')
        .addOption(choiceOption('--format <format>', 'output format', SIMULATE_FORMATS, 'table')),
    ).action((flags: SimulateFlags) =>
      run(async () => {
        if (!flags.start) throw new UserError('say which release the product starts on: --start X.Y.Z (e.g. 6.1.100)');
        const report = await runSimulate({
          start: flags.start,
          branch: flags.branch ?? null,
          from: flags.from ?? null,
          to: flags.to ?? null,
          policies: flags.policy,
          commits: { changelog: flags.changelog, stableTree: flags.stableTree },
          data: dataOptionsFrom(flags),
        });
        endProgress();
        return { stdout: simulateFormats[flags.format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
