import type { Command } from 'commander';
import { assessExposureCurve } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { parseIsoDateFlag, utcDay } from '../../analysis/lag/iso-date.js';
import { UserError } from '../../domain/user-error.js';
import {
  EXPOSURE_CURVE_FORMATS,
  type ExposureCurveFormat,
  exposureCurveFormats,
} from '../../formats/exposure-curve/index.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { parseChoice } from '../parse-options.js';

type ExposureFlags = {
  branch?: string;
  asOf?: string;
  format: string;
  vulnsRepo?: string;
  releases?: string;
  cacheDir?: string;
};

/** `kgap exposure`: CVEs affecting each release of a branch against its age (docs/analytics.md). */
export const exposureCommand: CommandSpec = {
  name: 'exposure',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('exposure')
        .description('open CVEs of every release on a branch against its age: how old can a kernel be')
        .option('--branch <branch>', 'stable branch, e.g. 6.1')
        .option('--as-of <date>', 'count CVEs published by this date (YYYY-MM-DD; default: the data snapshot)')
        .option('--format <format>', `output: ${EXPOSURE_CURVE_FORMATS.join('|')}`, 'table'),
    ).action((opts: ExposureFlags) =>
      run(async () => {
        const format = parseChoice<ExposureCurveFormat>('--format', opts.format, EXPOSURE_CURVE_FORMATS);
        if (opts.branch === undefined) throw new UserError('say which branch: --branch 6.1 (see kgap exposure --help)');
        const asOfFlag = opts.asOf === undefined ? null : parseIsoDateFlag('--as-of', opts.asOf);
        const data = dataOptionsFrom(opts);
        const [index, releases] = await Promise.all([readIndex(data), readReleases(data.releases, data.cacheDir)]);
        endProgress();
        // Default as-of: the vulns snapshot's day, so the report is the same whenever it is run on that data.
        const asOf = asOfFlag ?? utcDay(index.vulnsCommitDate);
        const report = assessExposureCurve(index, releases, { branch: opts.branch, asOf });
        return { stdout: exposureCurveFormats[format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
