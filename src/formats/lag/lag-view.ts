import type { BranchLagStats, LagReport } from '../../analysis/lag/assess-lag.js';
import type { LagStats } from '../../analysis/lag/lag-stats.js';
import { binValues, type HistogramBin } from '../chart/render-histogram-svg.js';

/** The 2019 study kgap compares with: 1,005 older kernel CVEs, 41% fixed before assignment, ~100 days before. */
export const STUDY_2019 = { cves: 1005, fixedBeforeShare: 0.41, meanDaysBefore: 100 } as const;

/** Histogram range: 30-day bins from -180 to +1140 days; lags beyond fall into the edge bins. */
export const LAG_BINS = { min: -180, max: 1140, width: 30 } as const;

/** Text formats list a branch when it has at least this share of the CVEs (JSON lists every branch). */
export const BRANCH_ROW_MIN_SHARE = 0.01;

export function lagHistogram(report: LagReport): HistogramBin[] {
  return binValues(report.lags, LAG_BINS);
}

export const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const days = (value: number | null) => (value === null ? '-' : String(value));

/** Table header and rows shared by the table, Markdown and HTML formats. */
export const STATS_HEADER = ['CVEs', 'fix out before', 'same day', 'fix only after', 'mean', 'median', 'p90'] as const;
export function statsCells(s: LagStats): string[] {
  return [
    String(s.cves),
    pct(s.fixReleasedBeforePublicationShare),
    String(s.sameDay),
    pct(s.fixAfterPublicationShare),
    days(s.meanLagDays),
    days(s.medianLagDays),
    days(s.p90LagDays),
  ];
}

/** The per-year rows, then all years and the mainline row (labelled as the format words it), each with its stats. */
export function yearRows(report: LagReport, mainlineLabel: string): (readonly [string, LagStats])[] {
  return [...report.byYear.map((y) => [y.year, y] as const), ['all', report.overall], [mainlineLabel, report.mainline]];
}

/** Branch rows shown in text formats: the bigger branches plus the `--branch` one. */
export function shownBranches(report: LagReport): BranchLagStats[] {
  const min = Math.ceil(report.overall.cves * BRANCH_ROW_MIN_SHARE);
  return report.byBranch.filter((b) => b.cves >= min || b.branch === report.branch);
}

/** The report's findings as sentences (same words in every text format). */
export function lagSentences(report: LagReport): string[] {
  const o = report.overall;
  const m = report.mainline;
  const scope = report.since ? `published ${report.since} or later` : 'in the data';
  const lines = [
    `${o.cves} CVEs ${scope} (published ${report.published.first} to ${report.published.last}) have a dated fix release.`,
    `${pct(o.fixReleasedBeforePublicationShare)} were published after a release with the fix was already out ` +
      `(${o.sameDay} on the same day, ${o.fixAfterPublication} before any fix release).`,
    `Lag from the first fix release (any branch) to publication: mean ${days(o.meanLagDays)} days, ` +
      `median ${days(o.medianLagDays)}, p90 ${days(o.p90LagDays)}.`,
    `Against the first mainline release with the fix: ${pct(m.fixReleasedBeforePublicationShare)} published after it, ` +
      `median ${days(m.medianLagDays)} days, mean ${days(m.meanLagDays)}.`,
    `The 2019 study of ${STUDY_2019.cves.toLocaleString('en-US')} older kernel CVEs found ` +
      `${pct(STUDY_2019.fixedBeforeShare)} fixed before the CVE was assigned, on average ${STUDY_2019.meanDaysBefore} days before; ` +
      `here ${pct(o.fixReleasedBeforePublicationShare)} had a fix release out before publication, on average ` +
      `${days(o.meanLagDaysWhenFixedBefore)} days before (the study counted assignment, kgap counts publication).`,
  ];
  const b = report.selectedBranch;
  if (b) {
    lines.push(
      `Branch ${b.branch}: ${b.cves} CVEs fixed there; ${pct(b.fixAfterPublicationShare)} of those fixes arrived only ` +
        `after the CVE was public; median lag ${days(b.medianLagDays)} days.`,
    );
  }
  if (report.excluded.noDatedFix > 0) {
    lines.push(`${report.excluded.noDatedFix} CVEs have no dated fix release and are left out.`);
  }
  return lines;
}
