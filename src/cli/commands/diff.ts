import type { Command } from 'commander';
import { assessDiff, checkDiffPair } from '../../analysis/diff/assess-diff.js';
import { type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import { UserError } from '../../domain/user-error.js';
import { DIFF_FORMATS, type DiffFormat, diffFormats } from '../../formats/diff/index.js';
import { readStableCommits } from '../../sources/changelog/read-stable-commits.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { parseChoice } from '../parse-options.js';

type DiffOptions = {
  from?: string;
  to?: string;
  changelog?: string;
  stableTree?: string;
  format: string;
  all?: boolean;
  vulnsRepo?: string;
  releases?: string;
  cacheDir?: string;
};

function release(flag: string, text: string | undefined): KernelVersion {
  if (text === undefined)
    throw new UserError(`say which releases to compare: --from X.Y.A --to X.Y.B (${flag} is missing)`);
  const v = parseKernelVersion(text);
  if (!v || v.rc !== null) throw new UserError(`${flag} takes a release like 6.1.170, not "${text}"`);
  return v;
}

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
        .option('--format <format>', `output: ${DIFF_FORMATS.join('|')}`, 'table'),
    ).action((opts: DiffOptions) =>
      run(async () => {
        const format = parseChoice<DiffFormat>('--format', opts.format, DIFF_FORMATS);
        const from = release('--from', opts.from);
        const to = release('--to', opts.to);
        checkDiffPair(from, to);
        // The changelog or tree first: a wrong file is refused before the index is read.
        const commits = await readStableCommits(opts, { from, to });
        const data = dataOptionsFrom(opts);
        const [index, releases] = await Promise.all([
          readIndex(data, { withCommits: opts.stableTree !== undefined }),
          readReleases(data.releases, data.cacheDir),
        ]);
        endProgress();
        const report = assessDiff({ index, releases, from, to, commits });
        return { stdout: diffFormats[format](report, { all: opts.all === true }), exitCode: EXIT.ok };
      }),
    );
  },
};
