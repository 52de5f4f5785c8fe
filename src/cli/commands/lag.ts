import type { Command } from 'commander';
import { assessLag } from '../../analysis/lag/assess-lag.js';
import { parseIsoDateFlag } from '../../analysis/lag/iso-date.js';
import { LAG_FORMATS, type LagFormat, lagFormats } from '../../formats/lag/index.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { parseChoice } from '../parse-options.js';

type LagFlags = {
  since?: string;
  branch?: string;
  format: string;
  vulnsRepo?: string;
  releases?: string;
  cacheDir?: string;
};

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
        .option('--format <format>', `output: ${LAG_FORMATS.join('|')}`, 'table'),
    ).action((opts: LagFlags) =>
      run(async () => {
        const format = parseChoice<LagFormat>('--format', opts.format, LAG_FORMATS);
        const since = opts.since === undefined ? null : parseIsoDateFlag('--since', opts.since);
        const data = dataOptionsFrom(opts);
        const [index, releases] = await Promise.all([readIndex(data), readReleases(data.releases, data.cacheDir)]);
        endProgress();
        const report = assessLag(index, releases, { since, branch: opts.branch ?? null });
        return { stdout: lagFormats[format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
