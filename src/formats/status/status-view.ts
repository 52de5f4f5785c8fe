import type { StatusView } from '../../analysis/exposure/plan-status-view.js';

export type { StatusView };

/** The summary lines shared by the table and Markdown renderers. */
export function summaryLines(view: StatusView): string[] {
  const { report: r } = view;
  const s = r.summary;
  const latest = r.branchLatest
    ? `${r.branchLatest.version}${r.branchLatest.date ? ` (${r.branchLatest.date})` : ''}`
    : 'unknown';
  const behind =
    r.releasesBehind === null
      ? 'unknown'
      : `${r.releasesBehind} releases${r.daysBehind === null ? '' : `, ${r.daysBehind} days`}`;
  const sev = s.bySeverity;
  const lines = [
    `Kernel ${r.version} on branch ${r.branch}${r.versionDate ? ` (released ${r.versionDate})` : ''}`,
    `Latest on branch: ${latest}; behind: ${behind}`,
    `CVEs affecting ${r.version}: ${s.affected}`,
    `  fixed by a newer ${r.branch} release: ${s.fixedByNewerRelease}${r.branchLatest ? ` (updating to ${r.branchLatest.version} fixes ${s.fixedByLatest})` : ''}`,
    `  biggest single fix release: ${s.biggestFixRelease ? `${s.biggestFixRelease.version} (${s.biggestFixRelease.fixes} CVEs)` : 'none'}`,
    `  no fix on ${r.branch} (fixed only upstream or later branches, or not fixed): ${s.noFixOnBranch}`,
    `  ambiguous (the data leaves the fixing release open; reasons in --format json): ${s.ambiguous}`,
    ...(s.relevance
      ? [
          `  in code the config builds: ${s.relevance.built}; not built: ${s.relevance.notBuilt}; unknown: ${s.relevance.unknown}`,
        ]
      : []),
    `Severity (CVSS): critical ${sev.critical}, high ${sev.high}, medium ${sev.medium}, low ${sev.low}, unscored ${sev.unscored}`,
    `Data: vulns ${r.snapshot.vulnsCommit.slice(0, 12)} (${r.snapshot.vulnsCommitDate.slice(0, 10)}), ${r.snapshot.records} CVEs${r.snapshot.recordProblems ? `, ${r.snapshot.recordProblems} unreadable records` : ''}; releases as of ${r.snapshot.releasesAsOf ?? 'unknown'}`,
  ];
  for (const note of r.notes) lines.push(`Note: ${note}`);
  if (view.filters.length) lines.push(`Showing ${view.shown.length} of ${s.affected} (${view.filters.join(', ')})`);
  return lines;
}
