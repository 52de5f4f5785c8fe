import { assessSimulation, type SimulationReport } from '../../analysis/simulate/assess-simulation.js';
import { planSimulation } from '../../analysis/simulate/plan-simulation.js';
import { type Policy, parsePolicy } from '../../analysis/simulate/policy.js';
import { requireDay } from '../../domain/day.js';
import { UserError } from '../../domain/invalid-input.js';
import { compareKernelVersions } from '../../domain/kernel-version.js';
import { readStableCommits, type StableCommitSource } from '../../sources/changelog/read-stable-commits.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readVulnsData } from '../../sources/vulns/read-vulns-data.js';
import { requireRelease } from '../diff/run-diff.js';

/** Used when no policy is given: one of each kind. */
export const DEFAULT_POLICIES = ['frozen', 'track-stable:14d', 'cherry-pick-cves:30d', 'upgrade-every:90d'] as const;

export type SimulateInput = {
  /** The release the product starts on, e.g. `6.1.100`. */
  readonly start: string;
  /** The stable branch; null: the start release's. */
  readonly branch: string | null;
  /** First and last day (`YYYY-MM-DD`); null: the start release's day / the end of the data. */
  readonly from: string | null;
  readonly to: string | null;
  /** Policies as written (`track-stable:14d`); empty: `DEFAULT_POLICIES`. */
  readonly policies: readonly string[];
  readonly commits: StableCommitSource;
  readonly data: DataOptions;
};

function parsePolicies(texts: readonly string[]): Policy[] {
  return (texts.length ? texts : DEFAULT_POLICIES).map((t) => {
    const r = parsePolicy(t);
    if (!r.ok) throw new UserError(r.reason);
    return r.policy;
  });
}

/** Replays update policies day by day from a start release (`kgap simulate`, docs/analytics.md). */
export async function runSimulate(input: SimulateInput): Promise<SimulationReport> {
  const start = requireRelease('start', input.start);
  // Days and policies are checked before any data is read: a typo is refused at once.
  if (input.from !== null) requireDay('from', input.from);
  if (input.to !== null) requireDay('to', input.to);
  const policies = parsePolicies(input.policies);
  const { index, releases } = await readVulnsData(input.data, { withCommits: input.commits.stableTree !== undefined });
  const firstPublished = index.records.reduce((min, r) => (r.published < min ? r.published : min), '9999-12-31');
  const vulnsDate = index.vulnsCommitDate.slice(0, 10);
  const releasesDate = releases.newestDate ?? vulnsDate;
  const plan = planSimulation({
    releases,
    span: { firstPublished, lastKnown: releasesDate < vulnsDate ? releasesDate : vulnsDate },
    branch: input.branch,
    start,
    from: input.from,
    to: input.to,
    policies,
  });
  const newest = plan.releases.at(-1) ?? plan.start;
  const commits =
    compareKernelVersions(newest.version, start) > 0
      ? await readStableCommits(input.commits, { from: start, to: newest.version })
      : null;
  return assessSimulation({ plan, index, releases, commits });
}
