import type { LagReport } from '../../analysis/lag/assess-lag.js';
import { LAG_BINS, lagHistogram, STUDY_2019 } from './lag-view.js';

/** Version of the `kgap lag --format json` document (docs/analytics.md). */
export const LAG_JSON_SCHEMA_VERSION = 1;

/** JSON report: fixed key order, branches oldest first, years ascending, trailing newline. */
export function renderLagJson(report: LagReport): string {
  const doc = {
    schemaVersion: LAG_JSON_SCHEMA_VERSION,
    since: report.since,
    branch: report.branch,
    published: report.published,
    overall: report.overall,
    mainline: report.mainline,
    selectedBranch: report.selectedBranch,
    byYear: report.byYear,
    byBranch: report.byBranch,
    excluded: report.excluded,
    histogram: { ...LAG_BINS, edgeBinsIncludeOutliers: true, bins: lagHistogram(report) },
    comparison2019: STUDY_2019,
    snapshot: report.snapshot,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
