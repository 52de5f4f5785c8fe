import type { Command } from 'commander';
import { runExposure } from '../../app/exposure/run-exposure.js';
import { UserError } from '../../domain/invalid-input.js';
import {
  EXPOSURE_CURVE_FORMATS,
  type ExposureCurveFormat,
  exposureCurveFormats,
} from '../../formats/exposure-curve/index.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';

type ExposureFlags = DataFlags & { branch?: string; asOf?: string; format: ExposureCurveFormat };

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
        .addOption(choiceOption('--format <format>', 'output format', EXPOSURE_CURVE_FORMATS, 'table')),
    ).action((flags: ExposureFlags) =>
      run(async () => {
        if (flags.branch === undefined)
          throw new UserError('say which branch: --branch 6.1 (see kgap exposure --help)');
        const report = await runExposure({
          branch: flags.branch,
          asOf: flags.asOf ?? null,
          data: dataOptionsFrom(flags),
        });
        endProgress();
        return { stdout: exposureCurveFormats[flags.format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
