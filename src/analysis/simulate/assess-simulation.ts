import type { CveRecord } from '../../domain/cve.js';
import type { DataSnapshot } from '../../domain/data-snapshot.js';
import { dayFromNumber } from '../../domain/day.js';
import { compareVersionText } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';
import type { StableCommitRange } from '../../domain/stable-commit.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { type CommitCves, matchCommitCves } from '../diff/match-commit-cves.js';
import { assessBranchExposure, type BranchExposure } from './branch-exposure.js';
import { countOpenForTimeline, countOpenWithPicks, type OpenSeries } from './count-open.js';
import type { SimulationPlan } from './plan-simulation.js';
import { planCherryPicks, planVersionTimeline } from './plan-timeline.js';
import { formatPolicy, type Policy } from './policy.js';

/** One policy's replay. */
export type PolicyOutcome = {
  readonly policy: string;
  /** Sum over the replayed days of the CVEs open that day (public, fixed on the branch, still in the product). */
  readonly vulnerabilityDays: number;
  readonly meanOpen: number;
  readonly maxOpen: number;
  /** The first day the maximum was reached. */
  readonly maxOpenDate: string;
  /** Days with at least one open CVE rated CVSS high or critical. */
  readonly severeDays: number;
  /** Version changes taken (cherry-pick: days on which fixes were applied). */
  readonly updates: number;
  /** cherry-pick-cves only: CVE fixes applied. */
  readonly cherryPicks: number | null;
  /** The release the product runs on the last day (cherry-pick: the start release plus its picks). */
  readonly finalVersion: string;
  readonly openAtEnd: number;
  /** Public CVEs the product carries on the last day that no branch release fixed by then: no policy closes them. */
  readonly publicWithoutBranchFixAtEnd: number;
  /** With a changelog or stable tree: the stable commits up to the newest release, taken or never taken. */
  readonly stableCommits: { readonly taken: number; readonly notTaken: number } | null;
  readonly openByDay: readonly number[];
};

export type SimulationReport = {
  readonly branch: string;
  readonly start: { readonly version: string; readonly date: string };
  readonly window: {
    readonly requestedFrom: string;
    readonly from: string;
    readonly to: string;
    readonly days: number;
  };
  readonly policies: readonly PolicyOutcome[];
  readonly stableCommits: (Omit<StableCommitRange, 'commits'> & { readonly total: number }) | null;
  readonly notes: readonly string[];
  readonly snapshot: DataSnapshot;
};

function stats(series: OpenSeries, firstDay: number) {
  let vulnerabilityDays = 0;
  let maxOpen = 0;
  let maxAt = 0;
  series.open.forEach((n, i) => {
    vulnerabilityDays += n;
    if (n > maxOpen) {
      maxOpen = n;
      maxAt = i;
    }
  });
  return {
    vulnerabilityDays,
    meanOpen: Math.round((vulnerabilityDays / Math.max(series.open.length, 1)) * 100) / 100,
    maxOpen,
    maxOpenDate: dayFromNumber(firstDay + maxAt),
    severeDays: series.severe.filter((n) => n > 0).length,
    openAtEnd: series.open.at(-1) ?? 0,
  };
}

function runPolicy(
  plan: SimulationPlan,
  policy: Policy,
  exposure: BranchExposure,
  commits: readonly CommitCves[] | null,
  records: readonly CveRecord[],
): PolicyOutcome {
  const stillPublic = (name: string) =>
    (exposure.get(name) ?? []).filter((e) => e.published <= plan.lastDay && e.fixReleased > plan.lastDay).length;
  if (policy.kind === 'cherry-pick-cves') {
    const base = exposure.get(plan.start.name) ?? [];
    const picks = planCherryPicks(plan, base, policy.days ?? 0);
    const series = countOpenWithPicks(plan, base, picks);
    const picked = new Set(picks.map((p) => records[p.entry.record]?.id));
    const taken = commits?.filter((c) => c.cveIds.some((id) => picked.has(id))).length ?? 0;
    return {
      policy: formatPolicy(policy),
      ...stats(series, plan.firstDay),
      updates: new Set(picks.map((p) => p.day)).size,
      cherryPicks: picks.length,
      finalVersion: picks.length ? `${plan.start.name}+${picks.length} fixes` : plan.start.name,
      publicWithoutBranchFixAtEnd: stillPublic(plan.start.name),
      stableCommits: commits ? { taken, notTaken: commits.length - taken } : null,
      openByDay: series.open,
    };
  }
  const segments = planVersionTimeline(plan, policy);
  const series = countOpenForTimeline(plan, segments, exposure);
  const final = segments[segments.length - 1]?.release ?? plan.start;
  const taken = commits?.filter((c) => compareVersionText(c.commit.release, final.name) <= 0).length ?? 0;
  return {
    policy: formatPolicy(policy),
    ...stats(series, plan.firstDay),
    updates: segments.length - 1,
    cherryPicks: null,
    finalVersion: final.name,
    publicWithoutBranchFixAtEnd: stillPublic(final.name),
    stableCommits: commits ? { taken, notTaken: commits.length - taken } : null,
    openByDay: series.open,
  };
}

/**
 * Replays each policy over the plan's days. On each day only CVEs published by then and releases out by then
 * count (docs/analytics.md, "simulate"). `commits` are the stable commits from the start release to the newest
 * release out by the last day, when a changelog or stable tree gave them. Pure.
 */
export function assessSimulation(input: {
  readonly plan: SimulationPlan;
  readonly index: VulnsIndex;
  readonly releases: ReleaseTable;
  readonly commits: StableCommitRange | null;
}): SimulationReport {
  const { plan, index } = input;
  const records = index.records;
  const exposure = assessBranchExposure(records, plan.releases, input.releases);
  const matched = input.commits ? matchCommitCves(input.commits.commits, records, plan.branch) : null;
  const notes = [...plan.notes];
  if (input.commits && input.commits.missingReleases.length > 0) {
    notes.push(
      `${input.commits.source} does not list ${input.commits.missingReleases.join(', ')}: commit counts miss them`,
    );
  }
  const { commits: _list, ...range } = input.commits ?? { commits: [] };
  return {
    branch: plan.branch,
    start: { version: plan.start.name, date: plan.start.date },
    window: {
      requestedFrom: plan.requestedFrom,
      from: dayFromNumber(plan.firstDay),
      to: dayFromNumber(plan.lastDay),
      days: plan.lastDay - plan.firstDay + 1,
    },
    policies: plan.policies.map((p) => runPolicy(plan, p, exposure, matched, records)),
    stableCommits: input.commits
      ? { ...(range as Omit<StableCommitRange, 'commits'>), total: input.commits.commits.length }
      : null,
    notes,
    snapshot: {
      vulnsCommit: index.vulnsCommit,
      vulnsCommitDate: index.vulnsCommitDate,
      releasesAsOf: input.releases.newestDate,
      records: records.length,
    },
  };
}
