import type { ExposureReport, Finding } from './assess-exposure.js';

export type ViewOptions = {
  readonly minCvss?: number;
  readonly limit?: number;
  /** Extra, capability-specific filters (e.g. only findings in built code), with a label for the header. */
  readonly extraFilters?: readonly { readonly label: string; readonly keep: (f: Finding) => boolean }[];
};

/** A report with the user's filters applied: what is shown, what the threshold judges, and the filter labels. */
export type StatusView = {
  readonly report: ExposureReport;
  /** The findings to print (after the filters and the limit). */
  readonly shown: readonly Finding[];
  /** The findings that passed the filters (before the limit): what `failOn` judges. */
  readonly matched: readonly Finding[];
  readonly filters: readonly string[];
};

/** Applies the user's filters to a report's findings; the summary still counts everything. */
export function planStatusView(report: ExposureReport, options: ViewOptions): StatusView {
  let shown: readonly Finding[] = report.affected;
  const filters: string[] = [];
  if (options.minCvss !== undefined) {
    const min = options.minCvss;
    shown = shown.filter((f) => f.cvss !== null && f.cvss >= min);
    filters.push(`CVSS >= ${min}`);
  }
  for (const extra of options.extraFilters ?? []) {
    shown = shown.filter(extra.keep);
    filters.push(extra.label);
  }
  // --fail-on judges everything that passed the filters; --limit only shortens the printed list.
  const matched = shown;
  if (options.limit !== undefined && shown.length > options.limit) {
    shown = shown.slice(0, options.limit);
    filters.push(`first ${options.limit}`);
  }
  return { report, shown, matched, filters };
}
