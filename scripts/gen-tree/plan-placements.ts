import type { CveRecord } from '../../src/domain/cve.js';
import {
  branchOf,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../src/domain/kernel-version.js';

/** Where the generator puts one of the records' commits: on mainline before release X.Y, or in stable release B.n. */
export type Placement = {
  /** The record's (real) commit id. */
  readonly sha: string;
  readonly line: 'mainline' | 'stable';
  /** Mainline: the release it first appears in (`X.Y`; null = after the last release); stable: `B.n`. */
  readonly version: KernelVersion | null;
  readonly role: 'fix' | 'intro';
  readonly record: CveRecord;
  /** Stable only: the mainline commit it backports (the record's), when known. */
  readonly upstream: string | null;
};

function mainlineCounterpart(record: CveRecord, role: 'fix' | 'intro'): string | null {
  const isMainline = (v: string | null) => {
    const p = v ? parseKernelVersion(v) : null;
    return p !== null && p.sublevel === 0;
  };
  if (role === 'fix')
    return record.fixShas[0] ?? record.dyad.find((d) => d.fixSha && isMainline(d.fixVersion))?.fixSha ?? null;
  return record.dyad.find((d) => d.introSha && isMainline(d.introVersion))?.introSha ?? null;
}

/**
 * Decides where each commit the records name goes (pure). A commit named with a mainline version goes on mainline
 * (an rc of X.Y before X.Y); one named with a stable version of `branch` up to `stableUpTo` goes in that stable
 * release; stable commits of other branches are not generated (a tree of one branch does not have them).
 */
export function planPlacements(
  records: readonly CveRecord[],
  branch: string,
  stableUpTo: number,
): Map<string, Placement> {
  const placed = new Map<string, Placement>();
  const put = (p: Placement) => {
    const old = placed.get(p.sha);
    if (!old) return placed.set(p.sha, p);
    // One commit, one place: mainline wins, then the earlier version.
    const better =
      (p.line === 'mainline' && old.line === 'stable') ||
      (p.line === old.line && p.version && old.version && compareKernelVersions(p.version, old.version) < 0);
    if (better) placed.set(p.sha, p);
  };
  for (const record of records) {
    for (const d of record.dyad) {
      for (const [sha, text, role] of [
        [d.introSha, d.introVersion, 'intro'],
        [d.fixSha, d.fixVersion, 'fix'],
      ] as const) {
        const v = text ? parseKernelVersion(text) : null;
        if (!sha || !v) continue;
        if (v.sublevel === 0) {
          const release = parseKernelVersion(branchOf(v)) as KernelVersion;
          put({ sha, line: 'mainline', version: release, role, record, upstream: null });
        } else if (branchOf(v) === branch && v.sublevel <= stableUpTo) {
          put({ sha, line: 'stable', version: v, role, record, upstream: mainlineCounterpart(record, role) });
        }
      }
    }
    for (const sha of record.fixShas) {
      if (!placed.has(sha)) put({ sha, line: 'mainline', version: null, role: 'fix', record, upstream: null });
    }
  }
  return placed;
}

/** Mainline releases to generate, oldest first: the known ones up to the newest needed, plus any placement names. */
export function planMainlineReleases(
  placements: Iterable<Placement>,
  known: readonly string[],
  branch: string,
): KernelVersion[] {
  const byName = new Map<string, KernelVersion>();
  let newest = parseKernelVersion(branch) as KernelVersion;
  for (const p of placements) {
    if (p.line !== 'mainline' || !p.version) continue;
    byName.set(formatKernelVersion(p.version), p.version);
    if (compareKernelVersions(p.version, newest) > 0) newest = p.version;
  }
  byName.set(branch, parseKernelVersion(branch) as KernelVersion);
  for (const name of known) {
    const v = parseKernelVersion(name);
    if (v && v.sublevel === 0 && v.rc === null && compareKernelVersions(v, newest) <= 0) byName.set(name, v);
  }
  return [...byName.values()].sort(compareKernelVersions);
}
