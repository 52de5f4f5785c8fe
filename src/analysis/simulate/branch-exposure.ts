import type { CveRecord } from '../../domain/cve.js';
import { branchOf, parseKernelVersion } from '../../domain/kernel-version.js';
import type { Release, ReleaseTable } from '../../domain/release.js';
import { assessVersion } from '../exposure/assess-version.js';
import { dayOf } from './day-number.js';

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
 * The sublevels on the branch that a record's dyad names. assessVersion only compares a version with dyad
 * versions, so between two named sublevels its verdict cannot change: one call per stretch is enough (the test
 * beside this file checks that against one call per release on the real data). A version on branch `6.1` is
 * written `6.1` or `6.1.N`, so a prefix test skips the rest without parsing. Null when a version on the branch
 * does not parse (then every release is assessed).
 */
function breakpoints(record: CveRecord, branch: string): number[] | null {
  const points: number[] = [];
  for (const d of record.dyad) {
    for (const text of [d.introVersion, d.fixVersion]) {
      if (text === null || (text !== branch && !text.startsWith(`${branch}.`))) continue;
      const v = parseKernelVersion(text);
      if (v === null) return null;
      points.push(v.sublevel);
    }
  }
  return points.sort((a, b) => a - b);
}

/**
 * Which CVEs each of the given releases (one branch, oldest first) carries, by THE affectedness rule
 * (assessVersion), with the day its branch fix came out. Built once; the replay is then set arithmetic. Pure.
 */
export function assessBranchExposure(
  records: readonly CveRecord[],
  branchReleases: readonly Release[],
  table: ReleaseTable,
): BranchExposure {
  const out = new Map<string, ExposureEntry[]>(branchReleases.map((r) => [r.name, []]));
  const first = branchReleases[0];
  if (first === undefined) return out;
  const branch = branchOf(first.version);
  const fixDay = new Map<string | null, number>();
  const fixReleasedOn = (name: string | null): number => {
    let day = fixDay.get(name);
    if (day === undefined) {
      const date = name === null ? null : (table.byName.get(name)?.date ?? null);
      day = date === null ? Number.POSITIVE_INFINITY : dayOf(date);
      fixDay.set(name, day);
    }
    return day;
  };
  records.forEach((record, index) => {
    const points = breakpoints(record, branch);
    const published = dayOf(record.published);
    const severe = record.cvss?.severity === 'high' || record.cvss?.severity === 'critical';
    let stretch = -1;
    let p = 0;
    // One entry per stretch, shared by the releases in it (the same CVE, the same fix): few allocations.
    let entry: ExposureEntry | null = null;
    for (const release of branchReleases) {
      if (points === null) stretch++;
      else while (p < points.length && (points[p] as number) <= release.version.sublevel) p++;
      if (points === null || p !== stretch) {
        stretch = points === null ? stretch : p;
        const verdict = assessVersion(record, release.version);
        entry = verdict.affected
          ? { record: index, published, fixReleased: fixReleasedOn(verdict.fixedOnBranch), severe }
          : null;
      }
      if (entry) out.get(release.name)?.push(entry);
    }
  });
  return out;
}
