import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { MAINTAINED_WITHIN_DAYS } from '../../analysis/exposure-curve/assess-never-backported.js';

/** Version of the `kgap exposure --format json` document (docs/analytics.md). */
export const EXPOSURE_CURVE_JSON_SCHEMA_VERSION = 1;

/** JSON report: fixed key order, releases oldest first, branches oldest first, trailing newline. */
export function renderExposureCurveJson(report: ExposureCurveReport): string {
  const doc = {
    schemaVersion: EXPOSURE_CURVE_JSON_SCHEMA_VERSION,
    branch: report.branch,
    asOf: report.asOf,
    publishedCves: report.publishedCves,
    ageLimits: report.ageLimits,
    neverBackported: { maintainedWithinDays: MAINTAINED_WITHIN_DAYS, branches: report.neverBackported },
    releases: report.points,
    snapshot: report.snapshot,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
