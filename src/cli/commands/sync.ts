import type { Command } from 'commander';
import { runSync } from '../../app/sync/run-sync.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';

/** `kgap sync`: fetch/update the vulns repository and release dates, and (re)build the index. */
export const syncCommand: CommandSpec = {
  name: 'sync',
  register(program: Command, run) {
    withDataFlags(
      program.command('sync').description('fetch the kernel CNA vulns repo and release dates; update the index'),
    ).action((flags: DataFlags) =>
      run(async () => {
        const { index, releases, data } = await runSync(dataOptionsFrom(flags));
        endProgress();
        const m = index.meta;
        const lines = [
          `vulns: ${m.source}`,
          `  commit ${m.vulnsCommit} (${m.vulnsCommitDate})`,
          `  ${m.recordCount} published CVEs indexed; ${index.mode === 'unchanged' ? 'already up to date' : `${index.mode} update, ${index.changedRecords} records read`}`,
          `  ${m.problems.length} records could not be read${m.problems.length ? ` (e.g. ${m.problems[0]})` : ''}`,
          `releases: ${data.releases}`,
          `  ${releases.byName.size} releases, newest ${releases.newestDate ?? 'unknown'}`,
          `cache: ${data.cacheDir}`,
        ];
        process.stderr.write(`sync took ${index.seconds.toFixed(2)} s\n`);
        return { stdout: `${lines.join('\n')}\n`, exitCode: EXIT.ok };
      }),
    );
  },
};
