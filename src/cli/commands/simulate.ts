import type { Command } from 'commander';
import { assessSimulation } from '../../analysis/simulate/assess-simulation.js';
import { planSimulation } from '../../analysis/simulate/plan-simulation.js';
import { type Policy, parsePolicy, policyForms } from '../../analysis/simulate/policy.js';
import { compareKernelVersions, parseKernelVersion } from '../../domain/kernel-version.js';
import { UserError } from '../../domain/user-error.js';
import { SIMULATE_FORMATS, type SimulateFormat, simulateFormats } from '../../formats/simulate/index.js';
import { readStableCommits } from '../../sources/changelog/read-stable-commits.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { parseChoice } from '../parse-options.js';

type SimulateOptions = {
  branch?: string;
  start?: string;
  from?: string;
  to?: string;
  policy: string[];
  changelog?: string;
  stableTree?: string;
  format: string;
  vulnsRepo?: string;
  releases?: string;
  cacheDir?: string;
};

/** Used when no --policy is given: one of each kind. */
const DEFAULT_POLICIES = ['frozen', 'track-stable:14d', 'cherry-pick-cves:30d', 'upgrade-every:90d'];

function parsePolicies(texts: readonly string[]): Policy[] {
  return (texts.length ? texts : DEFAULT_POLICIES).map((t) => {
    const r = parsePolicy(t);
    if (!r.ok) throw new UserError(r.reason);
    return r.policy;
  });
}

/** `kgap simulate`: replays update policies day by day and counts the CVEs each leaves open. */
export const simulateCommand: CommandSpec = {
  name: 'simulate',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('simulate')
        .description('replay update policies day by day from a start release: CVE exposure per policy')
        .option('--start <version>', 'the release the product starts on, e.g. 6.1.100')
        .option('--branch <branch>', "the stable branch, e.g. 6.1 (default: the start release's)")
        .option('--from <date>', "first day, YYYY-MM-DD (default: the start release's date)")
        .option('--to <date>', 'last day, YYYY-MM-DD (default: the end of the data)')
        .option(
          '--policy <policy>',
          `repeatable: ${policyForms()} (default: ${DEFAULT_POLICIES.join(', ')})`,
          (value: string, all: string[]) => [...all, value],
          [] as string[],
        )
        .option('--changelog <file>', 'Debian kernel changelog (changelog.Debian.gz): counts the stable fixes taken')
        .option('--stable-tree <dir>', 'linux-stable clone with tags: counts the stable fixes taken')
        .option('--format <format>', `output: ${SIMULATE_FORMATS.join('|')}`, 'table'),
    ).action((opts: SimulateOptions) =>
      run(async () => {
        const format = parseChoice<SimulateFormat>('--format', opts.format, SIMULATE_FORMATS);
        if (!opts.start) throw new UserError('say which release the product starts on: --start X.Y.Z (e.g. 6.1.100)');
        const start = parseKernelVersion(opts.start);
        if (!start || start.rc !== null)
          throw new UserError(`--start takes a release like 6.1.100, not "${opts.start}"`);
        const policies = parsePolicies(opts.policy);
        const data = dataOptionsFrom(opts);
        const withCommits = opts.stableTree !== undefined;
        const [index, releases] = await Promise.all([
          readIndex(data, { withCommits }),
          readReleases(data.releases, data.cacheDir),
        ]);
        endProgress();
        const firstPublished = index.records.reduce((min, r) => (r.published < min ? r.published : min), '9999-12-31');
        const vulnsDate = index.vulnsCommitDate.slice(0, 10);
        const releasesDate = releases.newestDate ?? vulnsDate;
        const plan = planSimulation({
          releases,
          span: { firstPublished, lastKnown: releasesDate < vulnsDate ? releasesDate : vulnsDate },
          branch: opts.branch ?? null,
          start,
          from: opts.from ?? null,
          to: opts.to ?? null,
          policies,
        });
        const newest = plan.releases.at(-1) ?? plan.start;
        const commits =
          compareKernelVersions(newest.version, start) > 0
            ? await readStableCommits(opts, { from: start, to: newest.version })
            : null;
        const report = assessSimulation({ plan, index, releases, commits });
        return { stdout: simulateFormats[format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
