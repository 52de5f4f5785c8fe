import type { Command } from 'commander';
import { runCve } from '../../app/cve/run-cve.js';
import { CVE_FORMATS, type CveFormat, cveFormats } from '../../formats/cve/render-cve.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption, cveIdArgument } from '../options.js';

type CveFlags = { format: CveFormat; version?: string; vulnsRepo?: string; releases?: string; cacheDir?: string };

/** `kgap cve ID`: one CVE's title, CVSS, fix commits and per-branch introduced/fixed versions. */
export const cveCommand: CommandSpec = {
  name: 'cve',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('cve')
        .description('one CVE: title, CVSS, fix commits, per-branch introduced/fixed')
        .argument('<id>', 'CVE id, e.g. CVE-2025-21629')
        .option('--version <version>', 'also say whether this kernel version is affected')
        .addOption(choiceOption('--format <format>', 'output format', CVE_FORMATS, 'table')),
    ).action((id: string, flags: CveFlags) =>
      run(async () => {
        const detail = await runCve({
          cveId: cveIdArgument(id),
          version: flags.version ?? null,
          data: dataOptionsFrom(flags),
        });
        endProgress();
        return { stdout: cveFormats[flags.format](detail), exitCode: EXIT.ok };
      }),
    );
  },
};
