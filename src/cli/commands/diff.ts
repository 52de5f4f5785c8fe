import type { Command } from 'commander';
import { runDiff } from '../../app/diff/run-diff.js';
import { UserError } from '../../domain/invalid-input.js';
import { DIFF_FORMATS, type DiffFormat, diffFormats } from '../../formats/diff/index.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';

type DiffFlags = DataFlags & {
  from?: string;
  to?: string;
  changelog?: string;
  stableTree?: string;
  format: DiffFormat;
  all?: boolean;
};

/** `kgap diff`: what updating from release A to release B of a branch changes. */
export const diffCommand: CommandSpec = {
  name: 'diff',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('diff')
        .description('what an update from release A to B changes: CVEs fixed, introduced, still open; stable commits')
        .option('--from <version>', 'the release the product runs, e.g. 6.1.170')
        .option('--to <version>', 'the release it would update to, e.g. 6.1.183')
        .option('--changelog <file>', 'Debian kernel changelog (changelog.Debian.gz): counts the stable commits')
        .option('--stable-tree <dir>', 'linux-stable clone with tags: counts the stable commits (git rev-list vA..vB)')
        .option('--all', 'list every fixed and still-open CVE too (JSON always lists them)')
        .addOption(choiceOption('--format <format>', 'output format', DIFF_FORMATS, 'table')),
    ).action((flags: DiffFlags) =>
      run(async () => {
        for (const [flag, given] of [
          ['--from', flags.from],
          ['--to', flags.to],
        ] as const) {
          if (given === undefined)
            throw new UserError(`say which releases to compare: --from X.Y.A --to X.Y.B (${flag} is missing)`);
        }
        const report = await runDiff({
          from: flags.from as string,
          to: flags.to as string,
          commits: { changelog: flags.changelog, stableTree: flags.stableTree },
          data: dataOptionsFrom(flags),
        });
        endProgress();
        return { stdout: diffFormats[flags.format](report, { all: flags.all === true }), exitCode: EXIT.ok };
      }),
    );
  },
};
