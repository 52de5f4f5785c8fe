import type { CveRecord } from '../../domain/cve.js';
import { dayNumber } from '../../domain/day.js';
import type { Release, ReleaseTable } from '../../domain/release.js';
import { planRecordSpans, spanOf, type VerdictSpan } from '../exposure/plan-branch-verdicts.js';

/** A CVE a release carries, reduced to what the day-by-day replay needs. */
export type ExposureEntry = {
  /** Index into the records the exposure was built from. */
  readonly record: number;
  /** Day number of the CVE's publication. */
  readonly published: number;
  /** Day number the branch's fix release came out; Infinity when the branch has no fix (or no dated one). */
  readonly fixReleased: number;
  /** CVSS high or critical. */
  readonly severe: boolean;
};

/** Per release (by name): the CVEs it carries. */
export type BranchExposure = ReadonlyMap<string, readonly ExposureEntry[]>;

/**
 * Which CVEs each of the given releases (one branch, oldest first) carries, by THE affectedness rule
 * (assessVersion, asked once per stretch of releases it cannot tell apart: `planRecordSpans`), with the day its
 * branch fix came out. Built once; the replay is then set arithmetic. Pure.
 */
export function assessBranchExposure(
  records: readonly CveRecord[],
  branchReleases: readonly Release[],
  table: ReleaseTable,
): BranchExposure {
  const out = new Map<string, ExposureEntry[]>(branchReleases.map((r) => [r.name, []]));
  const first = branchReleases[0];
  if (first === undefined) return out;
  const fixDay = new Map<string | null, number>();
  const fixReleasedOn = (name: string | null): number => {
    let day = fixDay.get(name);
    if (day === undefined) {
      const date = name === null ? null : (table.byName.get(name)?.date ?? null);
      day = date === null ? Number.POSITIVE_INFINITY : dayNumber(date);
      fixDay.set(name, day);
    }
    return day;
  };
  records.forEach((record, index) => {
    const { spans } = planRecordSpans(record, first.version.branchKey);
    if (spans.length === 0) return;
    const published = dayNumber(record.published);
    const severe = record.cvss?.severity === 'high' || record.cvss?.severity === 'critical';
    // One entry per span, shared by the releases in it (the same CVE, the same fix): few allocations.
    let lastSpan: VerdictSpan | null = null;
    let entry: ExposureEntry | null = null;
    for (const release of branchReleases) {
      const span = spanOf(spans, release.version.sublevel);
      if (span !== lastSpan) {
        lastSpan = span;
        entry = span ? { record: index, published, fixReleased: fixReleasedOn(span.fixedOnBranch), severe } : null;
      }
      if (entry) out.get(release.name)?.push(entry);
    }
  });
  return out;
}
