import type { CveCount, PlanCve, PlanReport, VendorPatch } from '../../analysis/plan/plan-report.js';

const n = (x: number) => x.toLocaleString('en-US');
export const short = (sha: string) => sha.slice(0, 12);

/** "57 (built 30, not built 20, unknown 7)" or "57". */
export function countText(c: CveCount): string {
  return c.built === null
    ? n(c.total)
    : `${n(c.total)} (built ${n(c.built)}, not built ${n(c.notBuilt ?? 0)}, unknown ${n(c.unknown ?? 0)})`;
}

/** The summary lines every text format shares. */
export function planSummaryLines(r: PlanReport): string[] {
  const { cves, stableFixes: s, fates: f } = r;
  const date = r.to.date ? ` (${r.to.date})` : '';
  const lines = [
    `From ${r.from.tag} + ${n(r.from.vendorCommits)} vendor patches (${r.from.rev} = ${short(r.from.revCommit)}) to ${r.to.tag}${date}, from ${r.to.source}`,
    `CVEs closed: ${countText(cves.counts.closed)}; already fixed by a vendor backport, not counted again: ${n(cves.alreadyFixedByVendor.length)}`,
    `CVEs introduced: ${countText(cves.counts.introduced)}`,
    `CVEs still open after: ${countText(cves.counts.stillOpen)}`,
    `Stable fixes ${r.from.version} → ${r.to.version}: ${n(s.total)}; with a CVE: ${n(s.withCve)}, without: ${n(s.withoutCve)}`,
    `  by subsystem: ${s.bySubsystem
      .slice(0, 8)
      .map((x) => `${x.subsystem} ${n(x.total)}`)
      .join(', ')}${s.bySubsystem.length > 8 ? ', …' : ''}`,
    `Vendor patches: ${n(r.vendorPatches.length)}: upstream ${n(f.upstream)}, clean ${n(f.clean)}, conflict ${n(f.conflict)}, vendor-revert ${n(f['vendor-revert'])}`,
  ];
  if (r.hardening) {
    const h = r.hardening;
    lines.push(
      `Hardening (${h.config}): ${n(h.changes.length)} checks change, ${n(h.gained.length)} defences gained; ${n(h.laterGain.length)} need a newer branch`,
    );
  }
  if (r.branch)
    lines.push(
      `Branch written: ${r.branch.name} at ${short(r.branch.commit)} (${n(r.branch.commits)} commits on ${r.to.tag})`,
    );
  const d = r.snapshot;
  lines.push(
    `Data: vulns ${short(d.vulnsCommit)} (${d.vulnsCommitDate}), releases as of ${d.releasesAsOf ?? 'unknown'}`,
  );
  return [...lines, ...r.notes.map((x) => `Note: ${x}`)];
}

export const PATCH_HEADER = ['FATE', 'COMMIT', 'SUBJECT', 'EVIDENCE'] as const;

/** A patch as a row: fate, commit, subject, what the fate rests on. */
export function patchRow(p: VendorPatch): string[] {
  const revert = p.reapplies ? ` (the revert re-applies: ${p.reapplies})` : '';
  return [p.fate, short(p.commit), p.subject, `${p.evidence.kind}: ${p.evidence.detail}${revert}`];
}

/** The conflicts of a patch, one line per file: kind, regions, the stable commits that changed it. */
export function conflictLines(p: VendorPatch): string[] {
  return p.conflicts.map((c) => {
    const where = c.hunks.length ? `, lines ${c.hunks.map((h) => `${h.start}-${h.end}`).join(', ')}` : '';
    const by = c.stableCommits.map((s) => `${short(s.commit)} (${s.release}) "${s.subject}"`).join('; ');
    return `${c.file} (${c.kind}${where}); changed by ${by || 'no stable commit of the range'}`;
  });
}

export const CVE_HEADER = ['ID', 'CVSS', 'FIXED-ON-BRANCH', 'BUILT', 'TITLE', 'NOTE'] as const;

export function cveRow(c: PlanCve): string[] {
  return [
    c.id,
    c.cvss === null ? '-' : c.cvss.toFixed(1),
    c.fixedOnBranch ?? 'none',
    c.relevance ?? '-',
    c.title,
    c.note ?? '',
  ];
}

/** The CVE lists worth listing in a short report: introduced ones, and closed or open ones with a condition. */
export function notableCves(r: PlanReport): { title: string; cves: readonly PlanCve[] }[] {
  return [
    { title: `Introduced by ${r.to.version}`, cves: r.cves.introduced },
    {
      title: 'Closed or still open on a condition',
      cves: [...r.cves.closed, ...r.cves.stillOpen].filter((c) => c.note !== null),
    },
  ];
}
