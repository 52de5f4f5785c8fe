import type { ExposureCurveReport } from '../../analysis/exposure-curve/assess-exposure-curve.js';
import { MAINTAINED_WITHIN_DAYS } from '../../analysis/exposure-curve/assess-never-backported.js';

/** Rows and sentences shared by the table, Markdown and HTML formats. */

export const AGE_HEADER = ['at most', 'oldest such release', 'age', 'open CVEs', 'fixed in newer', 'high/critical'];
export function ageRows(report: ExposureCurveReport): string[][] {
  return report.ageLimits.map((a) =>
    a.worst
      ? [
          `${a.maxAgeDays} days`,
          a.worst.version,
          String(a.worst.ageDays),
          String(a.worst.openCves),
          String(a.worst.fixedInNewerRelease),
          String(a.worst.highOrCritical),
        ]
      : [`${a.maxAgeDays} days`, '-', '-', '-', '-', '-'],
  );
}

export const BACKPORT_HEADER = ['branch', 'latest', 'released', 'open CVEs', 'fixed upstream, not backported'];
export function backportRows(report: ExposureCurveReport): string[][] {
  return report.neverBackported.map((b) => [
    b.branch,
    b.latest,
    b.latestDate,
    String(b.openCves),
    String(b.fixedUpstreamNotBackported),
  ]);
}

export const CURVE_HEADER = ['release', 'released', 'age (days)', 'open CVEs', 'fixed in newer', 'high/critical'];
export function curveRows(report: ExposureCurveReport): string[][] {
  return report.points.map((p) => [
    p.version,
    p.date,
    String(p.ageDays),
    String(p.openCves),
    String(p.fixedInNewerRelease),
    String(p.highOrCritical),
  ]);
}

export function exposureSentences(report: ExposureCurveReport): string[] {
  const newest = report.points.at(-1);
  const oldest = report.points[0];
  const lines = [
    `As of ${report.asOf}: ${report.publishedCves} CVEs published; branch ${report.branch} had ${report.points.length} releases out.`,
  ];
  if (newest && oldest) {
    lines.push(
      `The newest, ${newest.version} (${newest.ageDays} days old), is affected by ${newest.openCves}; ` +
        `the oldest, ${oldest.version} (${oldest.ageDays} days old), by ${oldest.openCves}, ` +
        `${oldest.fixedInNewerRelease} of them fixed by a newer ${report.branch} release.`,
    );
  }
  lines.push(
    `"Fixed upstream, not backported": CVEs affecting a maintained branch's latest release (a stable release in the ` +
      `${MAINTAINED_WITHIN_DAYS} days before ${report.asOf}) that a mainline release out by then has fixed.`,
  );
  return lines;
}
