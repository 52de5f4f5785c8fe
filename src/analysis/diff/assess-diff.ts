import type { CveRecord, CveSummary } from '../../domain/cve.js';
import { compareCveIds } from '../../domain/cve-id.js';
import type { DataSnapshot } from '../../domain/data-snapshot.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import {
  branchOf,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
} from '../../domain/kernel-version.js';
import { branchReleases, type DatedRelease, type ReleaseTable } from '../../domain/release.js';
import type { StableCommitRange } from '../../domain/stable-commit.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { assessVersion } from '../exposure/assess-version.js';
import { type StableCommitSummary, summarizeStableCommits } from './summarize-stable-commits.js';

/** A CVE in a diff, with the branch release that fixes it (for a fixed CVE: the one between A and B). */
export type DiffCve = CveSummary & { readonly fixedOnBranch: string | null };

export type DiffReport = {
  readonly branch: string;
  readonly from: DatedRelease;
  readonly to: DatedRelease;
  readonly summary: {
    /** Affect A, not B: what the update fixes. */
    readonly fixed: number;
    /** Affect B, not A: bugs the update brings in (mostly backports that carried a bug). */
    readonly introduced: number;
    /** Affect both: still open after the update. */
    readonly stillOpen: number;
    /** Everything B carries: introduced + stillOpen. */
    readonly openAfter: number;
    /** Of openAfter: fixed by a release on the branch newer than B, or by none. */
    readonly openAfterFixedLater: number;
    readonly openAfterNoFixOnBranch: number;
  };
  readonly fixed: readonly DiffCve[];
  readonly introduced: readonly DiffCve[];
  readonly stillOpen: readonly DiffCve[];
  readonly stableCommits: StableCommitSummary | null;
  readonly notes: readonly string[];
  readonly snapshot: DataSnapshot;
};

function toDiffCve(record: CveRecord, fixedOnBranch: string | null): DiffCve {
  return {
    id: record.id,
    title: record.title,
    severity: record.cvss?.severity ?? null,
    cvss: record.cvss?.score ?? null,
    published: record.published,
    fixedOnBranch,
  };
}

/** Validates the pair: two releases of one branch, A before B; throws a UserError otherwise. */
export function checkDiffPair(from: KernelVersion, to: KernelVersion): void {
  const a = formatKernelVersion(from);
  const b = formatKernelVersion(to);
  if (from.rc !== null || to.rc !== null)
    throw new UserError(`diff compares releases, not release candidates (${a} → ${b})`);
  if (branchOf(from) !== branchOf(to)) {
    throw new InvalidInput(
      'to',
      `${b} is on another branch than the release it updates from (${a}); diff compares two releases of one branch`,
    );
  }
  if (compareKernelVersions(from, to) >= 0)
    throw new InvalidInput('to', `${b} must be newer than the release it updates from (${a})`);
}

/** What moving a product from release A to release B of one branch changes. Pure. */
export function assessDiff(input: {
  readonly index: VulnsIndex;
  readonly releases: ReleaseTable;
  readonly from: KernelVersion;
  readonly to: KernelVersion;
  readonly commits: StableCommitRange | null;
}): DiffReport {
  const { index, releases, from, to } = input;
  checkDiffPair(from, to);
  const branch = branchOf(from);
  const fixed: DiffCve[] = [];
  const introduced: DiffCve[] = [];
  const stillOpen: DiffCve[] = [];
  for (const record of index.records) {
    const atA = assessVersion(record, from);
    const atB = assessVersion(record, to);
    if (atA.affected && !atB.affected) fixed.push(toDiffCve(record, atA.fixedOnBranch));
    else if (!atA.affected && atB.affected) introduced.push(toDiffCve(record, atB.fixedOnBranch));
    else if (atA.affected && atB.affected) stillOpen.push(toDiffCve(record, atB.fixedOnBranch));
  }
  const byId = (a: DiffCve, b: DiffCve) => compareCveIds(a.id, b.id);
  for (const list of [fixed, introduced, stillOpen]) list.sort(byId);
  const openAfter = [...introduced, ...stillOpen];
  const notes: string[] = [];
  const latest = branchReleases(releases, branch).at(-1) ?? null;
  const names = [from, to].map(formatKernelVersion);
  if (latest && compareKernelVersions(to, latest.version) > 0) {
    notes.push(
      `${names[1]} is newer than the release data (latest ${latest.name}, ${latest.date ?? 'date unknown'}) and the CVE data (${index.vulnsCommitDate.slice(0, 10)}): fixes released after those are not in the CVE data, so "fixed" can be too low and "still open" too high`,
    );
  }
  for (const n of names) if (!releases.byName.has(n)) notes.push(`${n} is not in the release data`);
  const stableCommits = input.commits
    ? summarizeStableCommits({ range: input.commits, records: index.records, branch, fixed, openAfter })
    : null;
  return {
    branch,
    from: { version: names[0] ?? '', date: releases.byName.get(names[0] ?? '')?.date ?? null },
    to: { version: names[1] ?? '', date: releases.byName.get(names[1] ?? '')?.date ?? null },
    summary: {
      fixed: fixed.length,
      introduced: introduced.length,
      stillOpen: stillOpen.length,
      openAfter: openAfter.length,
      openAfterFixedLater: openAfter.filter((c) => c.fixedOnBranch !== null).length,
      openAfterNoFixOnBranch: openAfter.filter((c) => c.fixedOnBranch === null).length,
    },
    fixed,
    introduced,
    stillOpen,
    stableCommits,
    notes,
    snapshot: {
      vulnsCommit: index.vulnsCommit,
      vulnsCommitDate: index.vulnsCommitDate,
      releasesAsOf: releases.newestDate,
      records: index.records.length,
    },
  };
}
