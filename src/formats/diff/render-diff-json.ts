import type { DiffReport } from '../../analysis/diff/assess-diff.js';

/** Version of the `kgap diff --format json` document (docs/analytics.md, "diff"). */
export const DIFF_JSON_SCHEMA_VERSION = 1;

/** JSON report: fixed key order, every CVE of the three lists (sorted by id), trailing newline. */
export function renderDiffJson(report: DiffReport): string {
  const doc = {
    schemaVersion: DIFF_JSON_SCHEMA_VERSION,
    branch: report.branch,
    from: report.from,
    to: report.to,
    summary: report.summary,
    stableCommits: report.stableCommits,
    notes: report.notes,
    snapshot: report.snapshot,
    fixed: report.fixed,
    introduced: report.introduced,
    stillOpen: report.stillOpen,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
