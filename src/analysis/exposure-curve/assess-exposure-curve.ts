import type { CveRecord } from '../../domain/cve.js';
import type { DataSnapshot } from '../../domain/data-snapshot.js';
import { daysBetween, requireDayWithin, utcDay } from '../../domain/day.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { Release, ReleaseTable } from '../../domain/release.js';
import type { VulnsIndex } from '../../domain/vulns-index.js';
import { assertStableBranch } from '../lag/branch-option.js';
import { assessAffectedOnBranch } from './affected-on-branch.js';
import { assessNeverBackported, type NeverBackported } from './assess-never-backported.js';

/** One release of the branch as seen at the as-of date D. */
export type CurvePoint = {
  readonly version: string;
  readonly date: string;
  /** D minus the release date, in days. */
  readonly ageDays: number;
  /** CVEs published on or before D that affect the release. */
  readonly openCves: number;
  /** Of those, fixed by a newer release of the branch that was out by D (an update would have removed them). */
  readonly fixedInNewerRelease: number;
  /** Of those, CVSS high or critical. */
  readonly highOrCritical: number;
};

/** "If we are at most N days old, we carry up to X": the oldest release within each age limit. */
export type AgeLimitRow = { readonly maxAgeDays: number; readonly worst: CurvePoint | null };

export type ExposureCurveReport = {
  readonly branch: string;
  readonly asOf: string;
  /** CVEs published on or before D (the population every count draws from). */
  readonly publishedCves: number;
  /** The branch's releases out by D, oldest first. */
  readonly points: readonly CurvePoint[];
  readonly ageLimits: readonly AgeLimitRow[];
  readonly neverBackported: readonly NeverBackported[];
  /** Without `releasesAsOf`, as the JSON document (schema 1) has always printed it. */
  readonly snapshot: Omit<DataSnapshot, 'releasesAsOf'>;
};

export const AGE_LIMITS_DAYS = [30, 90, 180, 365, 730] as const;

const isHighOrCritical = (r: CveRecord) => r.cvss?.severity === 'high' || r.cvss?.severity === 'critical';

/**
 * For each release of a branch: how many CVEs published by `asOf` affect it (assessVersion), against its age at
 * `asOf` (docs/analytics.md, "Exposure curve"). Pure: the as-of date is passed in.
 */
export function assessExposureCurve(
  index: VulnsIndex,
  releases: ReleaseTable,
  options: { readonly branch: string; readonly asOf: string },
): ExposureCurveReport {
  const { branch, asOf } = options;
  const firstPublished = index.records.reduce((min, r) => (r.published < min ? r.published : min), '9999-12-31');
  requireDayWithin('asOf', asOf, { first: firstPublished, last: utcDay(index.vulnsCommitDate) });
  assertStableBranch(releases, branch);
  const out: Release[] = (releases.byBranch.get(branch) ?? []).filter((r) => r.date !== null && r.date <= asOf);
  if (out.length === 0)
    throw new InvalidInput('asOf', `${asOf} is before branch ${branch}'s first release; pick a later day`);

  const published = index.records.filter((r) => r.published <= asOf);
  const versions = out.map((r) => r.version);
  const open = new Array<number>(out.length).fill(0);
  const fixedNewer = new Array<number>(out.length).fill(0);
  const severe = new Array<number>(out.length).fill(0);
  for (const record of published) {
    const affected = assessAffectedOnBranch(record, versions);
    const high = isHighOrCritical(record);
    // Walk newest to oldest so "a newer release is not affected" is known at each step.
    let newerClean = false;
    for (let i = out.length - 1; i >= 0; i--) {
      if (affected[i]) {
        open[i] = (open[i] ?? 0) + 1;
        if (newerClean) fixedNewer[i] = (fixedNewer[i] ?? 0) + 1;
        if (high) severe[i] = (severe[i] ?? 0) + 1;
      } else newerClean = true;
    }
  }
  const points: CurvePoint[] = out.map((r, i) => ({
    version: r.name,
    date: r.date as string,
    ageDays: daysBetween(r.date as string, asOf),
    openCves: open[i] ?? 0,
    fixedInNewerRelease: fixedNewer[i] ?? 0,
    highOrCritical: severe[i] ?? 0,
  }));
  const ageLimits = AGE_LIMITS_DAYS.map((maxAgeDays) => ({
    maxAgeDays,
    worst: points.find((p) => p.ageDays <= maxAgeDays) ?? null,
  }));
  return {
    branch,
    asOf,
    publishedCves: published.length,
    points,
    ageLimits,
    neverBackported: assessNeverBackported(published, releases, { asOf }),
    snapshot: { vulnsCommit: index.vulnsCommit, vulnsCommitDate: index.vulnsCommitDate, records: index.records.length },
  };
}
