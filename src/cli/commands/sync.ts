import type { Command } from 'commander';
import { readReleases } from '../../sources/releases/read-releases.js';
import { syncIndex } from '../../sources/vulns/sync-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';

/** `kgap sync`: fetch/update the vulns repository and release dates, and (re)build the index. */
export const syncCommand: CommandSpec = {
  name: 'sync',
  register(program: Command, run) {
    withDataFlags(
      program.command('sync').description('fetch the kernel CNA vulns repo and release dates; update the index'),
    ).action((opts: { vulnsRepo?: string; releases?: string; cacheDir?: string }) =>
      run(async () => {
        const data = dataOptionsFrom(opts);
        const report = await syncIndex(data);
        const releases = await readReleases(data.releases, data.cacheDir, true);
        endProgress();
        const m = report.meta;
        const lines = [
          `vulns: ${m.source}`,
          `  commit ${m.vulnsCommit} (${m.vulnsCommitDate})`,
          `  ${m.recordCount} published CVEs indexed; ${report.mode === 'unchanged' ? 'already up to date' : `${report.mode} update, ${report.changedRecords} records read`}`,
          `  ${m.problems.length} records could not be read${m.problems.length ? ` (e.g. ${m.problems[0]})` : ''}`,
          `releases: ${data.releases}`,
          `  ${releases.byName.size} releases, newest ${releases.newestDate ?? 'unknown'}`,
          `cache: ${data.cacheDir}`,
        ];
        process.stderr.write(`sync took ${report.seconds.toFixed(2)} s\n`);
        return { stdout: `${lines.join('\n')}\n`, exitCode: EXIT.ok };
      }),
    );
  },
};
