import type { Command } from 'commander';
import { runLag } from '../../app/lag/run-lag.js';
import { LAG_FORMATS, type LagFormat, lagFormats } from '../../formats/lag/index.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';

type LagFlags = DataFlags & { since?: string; branch?: string; format: LagFormat };

/** `kgap lag`: how long after a fix release CVEs are published (docs/analytics.md, "Lag"). */
export const lagCommand: CommandSpec = {
  name: 'lag',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('lag')
        .description('days from the first fix release to CVE publication: shares, mean/median/p90, by year and branch')
        .option('--since <date>', 'only CVEs published on or after this date (YYYY-MM-DD)')
        .option('--branch <branch>', 'single out a stable branch, e.g. 6.1')
        .addOption(choiceOption('--format <format>', 'output format', LAG_FORMATS, 'table')),
    ).action((flags: LagFlags) =>
      run(async () => {
        const report = await runLag({
          since: flags.since ?? null,
          branch: flags.branch ?? null,
          data: dataOptionsFrom(flags),
        });
        endProgress();
        return { stdout: lagFormats[flags.format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
