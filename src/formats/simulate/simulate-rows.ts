import type { PolicyOutcome, SimulationReport } from '../../analysis/simulate/assess-simulation.js';

/** The results table every text format shares: one row per policy, in the order given. */
export function simulateHeader(report: SimulationReport): string[] {
  return [
    'POLICY',
    'VULN-DAYS',
    'MEAN OPEN',
    'MAX OPEN',
    'HIGH/CRIT DAYS',
    'UPDATES',
    'OPEN AT END',
    'FINAL VERSION',
    ...(report.stableCommits ? ['STABLE FIXES NOT TAKEN'] : []),
  ];
}

export function simulateRow(report: SimulationReport, p: PolicyOutcome): string[] {
  return [
    p.policy,
    String(p.vulnerabilityDays),
    p.meanOpen.toFixed(2),
    `${p.maxOpen} (${p.maxOpenDate})`,
    `${p.severeDays}/${report.window.days}`,
    p.cherryPicks === null ? String(p.updates) : `${p.updates} (${p.cherryPicks} CVE fixes)`,
    String(p.openAtEnd),
    p.finalVersion,
    ...(report.stableCommits
      ? [p.stableCommits ? `${p.stableCommits.notTaken}/${report.stableCommits.total}` : '']
      : []),
  ];
}

/** The lines above the table: what was replayed, on what data. */
export function simulateSummaryLines(report: SimulationReport): string[] {
  const w = report.window;
  const lines = [
    `Branch ${report.branch}, starting on ${report.start.version} (released ${report.start.date})`,
    `Replayed ${w.from} to ${w.to} (${w.days} days), day by day, knowing only CVEs published and releases out by each day`,
    `Open CVE: public, fixed by a release on the branch that is out, still in the product's kernel`,
  ];
  const c = report.stableCommits;
  if (c) {
    lines.push(`Stable commits ${c.from} → ${c.to}: ${c.total} (from ${c.kind} ${c.source})`);
    if (c.emptyReleases.length) lines.push(`  listed without commits: ${c.emptyReleases.join(', ')}`);
  }
  const s = report.snapshot;
  lines.push(
    `Data: vulns ${s.vulnsCommit.slice(0, 12)} (${s.vulnsCommitDate}), releases as of ${s.releasesAsOf ?? 'unknown'}`,
  );
  return [...lines, ...report.notes.map((n) => `Note: ${n}`)];
}
