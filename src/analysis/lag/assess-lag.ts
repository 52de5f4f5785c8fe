import type { DataSnapshot } from '../../domain/data-snapshot.js';
import { requireDayWithin } from '../../domain/day.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import { compareBranchKeys, parseKernelVersion } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { assessCveLag, type CveLag, planFixLookup } from './assess-cve-lag.js';
import { assertStableBranch } from './branch-option.js';
import { type LagStats, summarizeLags } from './lag-stats.js';

export type LagOptions = {
  /** Only CVEs published on or after this date (YYYY-MM-DD, validated by the caller's flag parser). */
  readonly since: string | null;
  /** A stable branch to single out (its fixes' lag); every branch is still in `byBranch`. */
  readonly branch: string | null;
};

export type YearLagStats = LagStats & { readonly year: string };
export type BranchLagStats = LagStats & { readonly branch: string };

/** How long after a fix release CVEs are published: overall, mainline, per year and per stable branch. */
export type LagReport = {
  readonly since: string | null;
  readonly branch: string | null;
  /** Publication dates of the CVEs considered. */
  readonly published: { readonly first: string; readonly last: string };
  /** Lag to the first release with the fix on any branch. */
  readonly overall: LagStats;
  /** Lag to the first mainline release with the fix. */
  readonly mainline: LagStats;
  readonly byYear: readonly YearLagStats[];
  /** Lag to each stable branch's first fix release, oldest branch first. */
  readonly byBranch: readonly BranchLagStats[];
  /** The `--branch` row, or null. */
  readonly selectedBranch: BranchLagStats | null;
  readonly excluded: { readonly beforeSince: number; readonly noDatedFix: number };
  /** Every overall lag, ascending (for the histogram). */
  readonly lags: readonly number[];
  readonly snapshot: DataSnapshot;
};

function groupLags<K extends string>(items: Iterable<readonly [K, number]>): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (const [key, lag] of items) {
    const list = groups.get(key) ?? [];
    list.push(lag);
    groups.set(key, list);
  }
  return groups;
}

/** Assesses the fix-to-publication lag of every CVE in the index (docs/analytics.md, "Lag"). Pure. */
export function assessLag(index: VulnsIndex, releases: ReleaseTable, options: LagOptions): LagReport {
  const range = { first: '', last: '' };
  for (const r of index.records) {
    if (range.first === '' || r.published < range.first) range.first = r.published;
    if (r.published > range.last) range.last = r.published;
  }
  if (options.since !== null) requireDayWithin('since', options.since, range);
  if (options.branch !== null) assertStableBranch(releases, options.branch);

  const lookup = planFixLookup(releases);
  const lags: CveLag[] = [];
  let beforeSince = 0;
  let noDatedFix = 0;
  for (const record of index.records) {
    if (options.since !== null && record.published < options.since) {
      beforeSince++;
      continue;
    }
    const lag = assessCveLag(record, lookup);
    if (lag.firstFix === null) noDatedFix++;
    else lags.push(lag);
  }
  if (lags.length === 0)
    throw new InvalidInput('since', 'leaves no CVE with a dated fix release in range; pick an earlier day');

  const overall = lags.map((l) => (l.firstFix as NonNullable<CveLag['firstFix']>).lagDays);
  const mainline = lags.flatMap((l) => (l.mainlineFix ? [l.mainlineFix.lagDays] : []));
  const years = groupLags(lags.map((l, i) => [l.published.slice(0, 4), overall[i] ?? 0] as const));
  const branches = new Map<string, number[]>();
  for (const l of lags) {
    for (const f of l.branchFixes) {
      const list = branches.get(f.branch);
      if (list) list.push(f.lagDays);
      else branches.set(f.branch, [f.lagDays]);
    }
  }
  const byBranch = [...branches]
    .map(([branch, values]) => ({ branch, ...summarizeLags(values) }))
    .sort((a, b) =>
      compareBranchKeys(parseKernelVersion(a.branch)?.branchKey ?? [], parseKernelVersion(b.branch)?.branchKey ?? []),
    );
  const selected = options.branch === null ? null : (byBranch.find((b) => b.branch === options.branch) ?? null);
  const published = lags.map((l) => l.published).sort();
  return {
    since: options.since,
    branch: options.branch,
    published: { first: published[0] ?? '', last: published.at(-1) ?? '' },
    overall: summarizeLags(overall),
    mainline: summarizeLags(mainline),
    byYear: [...years]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([year, values]) => ({ year, ...summarizeLags(values) })),
    byBranch,
    selectedBranch: selected ?? (options.branch === null ? null : { branch: options.branch, ...summarizeLags([]) }),
    excluded: { beforeSince, noDatedFix },
    lags: [...overall].sort((a, b) => a - b),
    snapshot: {
      vulnsCommit: index.vulnsCommit,
      vulnsCommitDate: index.vulnsCommitDate,
      releasesAsOf: releases.newestDate,
      records: index.records.length,
    },
  };
}
