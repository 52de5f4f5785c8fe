import type { DiffCve, DiffReport } from '../../analysis/diff/assess-diff.js';

/** The summary every text format shares. */
export function diffSummaryLines(r: DiffReport): string[] {
  const s = r.summary;
  const when = (d: string | null) => (d ? ` (${d})` : '');
  const lines = [
    `Linux ${r.from.version}${when(r.from.date)} → ${r.to.version}${when(r.to.date)}, branch ${r.branch}`,
    `CVEs fixed by the update: ${s.fixed}`,
    `CVEs introduced by it: ${s.introduced}`,
    `CVEs open after it: ${s.openAfter} (${s.stillOpen} carried over + ${s.introduced} introduced; fixed by a later release: ${s.openAfterFixedLater}, no fix on the branch: ${s.openAfterNoFixOnBranch})`,
  ];
  const c = r.stableCommits;
  if (c) {
    lines.push(
      `Stable commits ${c.from} → ${c.to}: ${c.total}; with a CVE: ${c.withCve}, without: ${c.withoutCve} (from ${c.kind} ${c.source})`,
      `  tied to a CVE by: source annotation ${c.byEvidence.annotation}, commit id in the CNA data ${c.byEvidence.sha}, subject and release ${c.byEvidence.title}`,
      `  of the ${s.fixed} CVEs fixed, ${c.fixedCvesFound} were tied to a commit in the range`,
    );
    if (c.missingReleases.length) lines.push(`  not in the source (not counted): ${c.missingReleases.join(', ')}`);
    if (c.emptyReleases.length) lines.push(`  listed without commits: ${c.emptyReleases.join(', ')}`);
    if (c.namedFixedButOpen.length) {
      lines.push(
        `  ${c.namedFixedButOpen.length} CVEs the CNA data counts as open after ${r.to.version} are named as fixed in the range by the source`,
      );
    }
  }
  const d = r.snapshot;
  lines.push(
    `Data: vulns ${d.vulnsCommit.slice(0, 12)} (${d.vulnsCommitDate}), releases as of ${d.releasesAsOf ?? 'unknown'}`,
  );
  return [...lines, ...r.notes.map((n) => `Note: ${n}`)];
}

/** The CVE lists a report shows: introduced always (short, and the surprising part); the others on request. */
export function diffLists(r: DiffReport, all: boolean): { title: string; cves: readonly DiffCve[] }[] {
  const lists = [{ title: `Introduced by ${r.from.version} → ${r.to.version}`, cves: r.introduced }];
  if (all) {
    lists.push(
      { title: `Fixed by ${r.from.version} → ${r.to.version}`, cves: r.fixed },
      { title: `Still open after ${r.to.version}`, cves: r.stillOpen },
    );
  }
  return lists;
}

export function diffCveRow(c: DiffCve): string[] {
  return [c.id, c.cvss === null ? '-' : c.cvss.toFixed(1), c.fixedOnBranch ?? 'none', c.published, c.title];
}

export const DIFF_CVE_HEADER = ['ID', 'CVSS', 'FIXED-ON-BRANCH', 'PUBLISHED', 'TITLE'] as const;
