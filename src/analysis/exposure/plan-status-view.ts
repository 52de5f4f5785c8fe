import type { ExposureReport, Finding } from './assess-exposure.js';

export type ViewOptions = {
  readonly minCvss?: number;
  readonly limit?: number;
  /** Extra, capability-specific filters (e.g. only findings in built code), with a label for the header. */
  readonly extraFilters?: readonly { readonly label: string; readonly keep: (f: Finding) => boolean }[];
};

/** Applies the user's filters to a report's findings; the summary still counts everything. */
export function planStatusView(report: ExposureReport, options: ViewOptions) {
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
