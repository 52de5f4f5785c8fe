import type { CveRecord } from '../../domain/cve.js';
import { branchOf, compareVersionText, formatKernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import type { PlanCommit } from '../../domain/plan-commit.js';
import type { StableCommit } from '../../domain/stable-commit.js';
import { matchCommitCves } from '../diff/match-commit-cves.js';
import type { StableFixes } from './plan-report.js';

// The "Linux X.Y.Z" commit of each release bumps the Makefile; it fixes nothing and is not counted (as kgap diff).
const RELEASE_COMMIT_RE = /^Linux \d+\.\d+(\.\d+)*$/;

/** A stable commit of the range with the release it shipped in. */
export type RangeCommit = { readonly commit: PlanCommit; readonly release: string };

/**
 * Attributes each commit of base..target (newest first, topological order, as `git log` lists them) to the release
 * whose tag it lies under, and drops merges and release commits (pure).
 */
export function planRangeReleases(range: readonly PlanCommit[], target: string, branch: string): RangeCommit[] {
  const out: RangeCommit[] = [];
  let release = target;
  for (const commit of range) {
    for (const tag of commit.tags) {
      const v = parseKernelVersion(tag);
      if (v && v.rc === null && branchOf(v) === branch) release = formatKernelVersion(v);
    }
    if (commit.parents.length > 1 || RELEASE_COMMIT_RE.test(commit.subject)) continue;
    out.push({ commit, release });
  }
  return out;
}

/** The subsystem of a commit: the top-level directory most of its files are in (ties: the first by name). */
export function subsystemOf(files: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const f of files) {
    const top = f.includes('/') ? f.slice(0, f.indexOf('/')) : '(top level)';
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  let best = '(no files)';
  let most = 0;
  for (const [dir, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n > most) [best, most] = [dir, n];
  }
  return best;
}

/**
 * The stable commits the move brings, tied to CVEs as `kgap diff --stable-tree` ties them (the stable commit id a
 * `.dyad` names, or the CVE title with the fix release), by subsystem and by release (pure).
 */
export function summarizeStableFixes(
  range: readonly RangeCommit[],
  records: readonly Pick<CveRecord, 'id' | 'title' | 'dyad'>[],
  branch: string,
): StableFixes {
  const commits: StableCommit[] = range.map((r) => ({
    release: r.release,
    subject: r.commit.subject,
    archTag: null,
    sha: r.commit.sha,
    cveIds: [],
  }));
  const matched = matchCommitCves(commits, records, branch);
  const bySubsystem = new Map<string, { subsystem: string; total: number; withCve: number }>();
  const byRelease = new Map<string, { release: string; total: number; withCve: number }>();
  let withCve = 0;
  matched.forEach((m, i) => {
    const has = m.cveIds.length > 0 ? 1 : 0;
    withCve += has;
    const subsystem = subsystemOf((range[i] as RangeCommit).commit.files);
    const s = bySubsystem.get(subsystem) ?? { subsystem, total: 0, withCve: 0 };
    s.total++;
    s.withCve += has;
    bySubsystem.set(subsystem, s);
    const r = byRelease.get(m.commit.release) ?? { release: m.commit.release, total: 0, withCve: 0 };
    r.total++;
    r.withCve += has;
    byRelease.set(m.commit.release, r);
  });
  return {
    total: matched.length,
    withCve,
    withoutCve: matched.length - withCve,
    bySubsystem: [...bySubsystem.values()].sort(
      (a, b) => b.total - a.total || (a.subsystem < b.subsystem ? -1 : a.subsystem > b.subsystem ? 1 : 0),
    ),
    byRelease: [...byRelease.values()].sort((a, b) => compareVersionText(a.release, b.release)),
  };
}
