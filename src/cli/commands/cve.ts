import type { Command } from 'commander';
import { planCveDetail } from '../../analysis/exposure/plan-cve-detail.js';
import { parseUpstreamVersion } from '../../domain/distro-version.js';
import { UserError } from '../../domain/user-error.js';
import { CVE_FORMATS, type CveFormat, cveFormats } from '../../formats/cve/render-cve.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import { readRecordDescription } from '../../sources/vulns/read-record-description.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { parseChoice } from '../parse-options.js';

type CveOptions = { format: string; version?: string; vulnsRepo?: string; releases?: string; cacheDir?: string };

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
        .option('--format <format>', `output: ${CVE_FORMATS.join('|')}`, 'table'),
    ).action((idArg: string, opts: CveOptions) =>
      run(async () => {
        const format = parseChoice<CveFormat>('--format', opts.format, CVE_FORMATS);
        const id = idArg.trim().toUpperCase();
        if (!/^CVE-\d{4}-\d{4,}$/.test(id)) throw new UserError(`"${idArg}" is not a CVE id (expected CVE-YYYY-NNNN)`);
        let ask = null;
        if (opts.version) {
          const r = parseUpstreamVersion(opts.version);
          if (!r.ok) throw new UserError(r.reason);
          ask = { text: opts.version, version: r.version };
        }
        const data = dataOptionsFrom(opts);
        const index = await readIndex(data, { withCommits: true });
        endProgress();
        const record = index.records.find((r) => r.id === id);
        if (!record) {
          throw new UserError(
            `${id} is not a published kernel CVE in the vulns data (${index.vulnsCommit.slice(0, 12)}); run kgap sync to update`,
          );
        }
        const description = await readRecordDescription(data.cacheDir, index.vulnsCommit, id);
        return { stdout: cveFormats[format](planCveDetail(record, description, ask)), exitCode: EXIT.ok };
      }),
    );
  },
};
